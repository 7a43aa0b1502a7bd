using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Siget.Console.Api;
using Siget.Console.Scale;

namespace Siget.Console.Services.Integrations;

/// <summary>Requests per key in a fixed window (section "Api"): answered with 429 and Retry-After beyond it.</summary>
public sealed class ApiLimits
{
    public const string Section = "Api";

    [Range(1, 1_000_000, ErrorMessage = "debe estar entre {1} y {2}.")] public int PermitLimit { get; set; } = 600;
    [Range(1, 3600, ErrorMessage = "debe estar entre {1} y {2}.")] public int WindowSeconds { get; set; } = 60;
    /// <summary>Wrong keys one client address may present per window before every key from it gets 429.</summary>
    [Range(1, 100_000, ErrorMessage = "debe estar entre {1} y {2}.")] public int WrongKeyLimit { get; set; } = 20;
    [Range(1, 24 * 60, ErrorMessage = "debe estar entre {1} y {2}.")] public int WrongKeyWindowMinutes { get; set; } = 15;
}

public static class IntegrationServices
{
    /// <summary>The public API's services: keys and their scheme (used only by <c>/api/v1</c>), the per-key limit, tickets, webhooks.</summary>
    public static IServiceCollection AddIntegrations(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiKeyGuesses>();
        services.AddSingleton<ApiKeyAdministration>();
        services.AddSingleton<IntegrationTickets>();
        services.AddSingleton<ApiIdempotencyAnswers>();
        services.AddCheckedOptions<WebhookOptions>(WebhookOptions.Section);
        services.AddSingleton<WebhookAddresses>();
        services.AddSingleton<WebhookAdministration>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleInstanceHostedService<WebhookSender>("webhooks",
            sp => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.IntervalSeconds));
        services.AddCheckedOptions<ApiLimits>(ApiLimits.Section);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(ApiV1.RateLimitPolicy, new PerKeyPolicy()));
        return services;
    }

    /// <summary>One window per key (the authenticated caller; the API's authorization runs before the limiter).</summary>
    private sealed class PerKeyPolicy : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, ct) =>
        {
            var http = rejected.HttpContext;
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
            http.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiProblems.Write(http, StatusCodes.Status429TooManyRequests, "Demasiadas solicitudes",
                $"Esta clave superó su límite de solicitudes. Vuelva a intentarlo en {Math.Max(1, seconds)} s.");
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            var limits = httpContext.RequestServices.GetRequiredService<IOptions<ApiLimits>>().Value;
            var key = httpContext.User.FindFirstValue(ApiCaller.KeyIdClaim) ?? "sin-clave";
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PermitLimit, Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0,
            });
        }
    }
}
