using System.Security.Cryptography;

namespace Siget.Console;

/// <summary>
/// Response headers every page carries, and the same-origin rule for the live connections. The Content-Security-Policy
/// allows SIGET's own scripts plus the one inline import map Blazor writes (by a per-request nonce), inline styles
/// (MudBlazor positions popovers with style attributes), and websockets to this same host only.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "siget:csp-nonce";

    /// <summary>The nonce of this response's Content-Security-Policy, for the inline import map.</summary>
    public static string Nonce(this HttpContext context) => (string)context.Items[NonceKey]!;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing to escape in HTML
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next();
    });

    /// <summary>
    /// The Blazor circuit (<c>/_blazor</c>) and the hubs (<c>/hubs</c>) accept only pages of this same site: a browser
    /// sends an Origin header on those requests, and one naming another site is refused with 403.
    /// </summary>
    public static IApplicationBuilder UseSameOriginLiveConnections(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if ((path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/hubs"))
            && context.Request.Headers.Origin is [{ } origin, ..]
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                 && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await next();
    });
}
