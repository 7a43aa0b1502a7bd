using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Siget.Console.Services;

/// <summary>
/// How many lookups ("Consultar ticket" form posts) a client may make per window (section "ConsultaCiudadana").
/// Clients are told apart by their address; behind a reverse proxy, forward it (X-Forwarded-For) so each citizen
/// counts on their own.
/// </summary>
public sealed class CitizenLookupLimits
{
    public const string Section = "ConsultaCiudadana";
    public const string Path = "/consulta";

    public int PermitLimit { get; set; } = 10;
    public int WindowMinutes { get; set; } = 10;

    /// <summary>Only posts of the lookup form count; every other request passes untouched.</summary>
    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
                return RateLimitPartition.GetNoLimiter("");
            var limits = context.RequestServices.GetRequiredService<IOptions<CitizenLookupLimits>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "desconocido", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limits.PermitLimit),
                Window = TimeSpan.FromMinutes(Math.Max(1, limits.WindowMinutes)),
                QueueLimit = 0,
            });
        });
        options.OnRejected = async (rejected, ct) =>
        {
            var response = rejected.HttpContext.Response;
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(
                """
                <!DOCTYPE html><html lang="es-PE"><head><meta charset="utf-8"><title>Demasiados intentos · SIGET</title></head>
                <body style="font-family:system-ui,sans-serif;max-width:520px;margin:48px auto;padding:0 16px">
                <h1>Demasiados intentos</h1>
                <p role="alert">Hizo muchas consultas seguidas. Por seguridad, espere unos minutos y vuelva a intentarlo.</p>
                <p><a href="/consulta">Volver a la consulta</a></p></body></html>
                """, ct);
        };
    }
}
