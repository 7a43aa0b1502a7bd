using Microsoft.AspNetCore.Antiforgery;

namespace Siget.Console;

/// <summary>
/// Endpoints that change something, outside the Blazor circuit (which checks the Origin of its connection instead), accept
/// a request only with this site's antiforgery token: another site can make a browser send a POST, but not the token.
/// The pages' own forms are checked by Blazor; a mapped endpoint declares it with <see cref="RequireAntiforgery"/>.
/// </summary>
public static class CrossSiteRequests
{
    /// <summary>Validates the token (UseAntiforgery, by this metadata) and refuses the request with 400 when it is missing or wrong.</summary>
    public static RouteHandlerBuilder RequireAntiforgery(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new RequireAntiforgeryTokenAttribute())
        .AddEndpointFilter(async (context, next) =>
            context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
                ? await next(context)
                : Results.Content(
                    """
                    <!DOCTYPE html><html lang="es-PE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Solicitud rechazada · SIGET</title></head>
                    <body style="font-family:system-ui,sans-serif;max-width:520px;margin:48px auto;padding:0 16px">
                    <h1>Solicitud rechazada</h1>
                    <p role="alert">La solicitud no vino de una página vigente de SIGET. Recargue la página y vuelva a intentarlo.</p>
                    <p><a href="/">Ir al inicio</a></p></body></html>
                    """, "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest));
}
