using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Siget.Console;

/// <summary>
/// How often one client may do what anyone can do without an account and what checks a credential: look up a ticket
/// ("Consultar ticket"), try to sign in (the form and Microsoft Entra ID). Each limit is a named policy attached to its
/// endpoints (<c>[EnableRateLimiting]</c> on the page, <c>RequireRateLimiting</c> on a mapped endpoint), so every
/// spelling of an address that the router sends to that endpoint counts in the same bucket. Opening a page is free;
/// submitting its form (a POST) or calling any other endpoint of the policy counts. Clients are told apart by their
/// address (behind a reverse proxy, see <see cref="TrustedProxies"/>).
/// </summary>
public static class RequestLimits
{
    public const string CitizenLookup = "consulta";
    public const string SignIn = "ingreso";

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddCheckedOptions<CitizenLookupLimits>(CitizenLookupLimits.Section, CitizenLookupLimits.FormerSection);
        services.AddCheckedOptions<SignInLimits>(SignInLimits.Section, SignInLimits.FormerSection);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(CitizenLookup, context => Partition<CitizenLookupLimits>(context));
            options.AddPolicy(SignIn, context => Partition<SignInLimits>(context));
            options.OnRejected = RefuseAsync;
        });
    }

    private static RateLimitPartition<string> Partition<TLimits>(HttpContext context) where TLimits : WindowLimits
    {
        var showingPage = (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
        if (showingPage) return RateLimitPartition.GetNoLimiter("");
        var limits = context.RequestServices.GetRequiredService<IOptions<TLimits>>().Value;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "desconocido";
        // Several instances (Redis:Connection): counted in Redis, across all of them.
        if (context.RequestServices.GetService<Scale.SharedRequestLimits>() is { } shared)
            return shared.Partition(typeof(TLimits).Name, client, limits.PermitLimit, TimeSpan.FromMinutes(limits.WindowMinutes));
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitLimit,
            Window = TimeSpan.FromMinutes(limits.WindowMinutes),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var policy = rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var (what, back, backText) = policy == SignIn
            ? ("Hubo muchos intentos de ingreso desde este equipo.", "/cuenta/ingresar", "Volver a iniciar sesión")
            : ("Hizo muchas consultas seguidas.", "/consulta", "Volver a la consulta");
        var response = rejected.HttpContext.Response;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"""
            <!DOCTYPE html><html lang="es-PE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Demasiados intentos · SIGET</title></head>
            <body style="font-family:system-ui,sans-serif;max-width:520px;margin:48px auto;padding:0 16px">
            <h1>Demasiados intentos</h1>
            <p role="alert">{what} Por seguridad, espere unos minutos y vuelva a intentarlo.</p>
            <p><a href="{back}">{backText}</a></p></body></html>
            """, ct);
    }
}

/// <summary>A number of requests per client in a fixed window of minutes.</summary>
public abstract class WindowLimits
{
    [Range(1, 100_000, ErrorMessage = "debe estar entre {1} y {2}.")] public int PermitLimit { get; set; }
    [Range(1, 24 * 60, ErrorMessage = "debe estar entre {1} y {2}.")] public int WindowMinutes { get; set; }
}

/// <summary>"Consultar ticket" lookups per client (section "CitizenLookup"): each costs a deliberately slow hash.</summary>
public sealed class CitizenLookupLimits : WindowLimits
{
    public const string Section = "CitizenLookup";
    public const string FormerSection = "ConsultaCiudadana";

    public CitizenLookupLimits() => (PermitLimit, WindowMinutes) = (10, 10);
}

/// <summary>Sign-in attempts per client, whatever the user names (section "SignIn"): a client cannot try name after name.</summary>
public sealed class SignInLimits : WindowLimits
{
    public const string Section = "SignIn";
    public const string FormerSection = "Ingreso";

    public SignInLimits() => (PermitLimit, WindowMinutes) = (20, 15);
}
