using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Siget.Console.Api;
using Siget.Console.Data;
using Siget.Core.Access;
using Siget.Core.Catalog;

namespace Siget.Console.Services.Integrations;

/// <summary>Who is calling <c>/api/v1</c>: a key, as its claims say.</summary>
public sealed record ApiCaller(int KeyId, string PublicId, string Name, Channel Channel, IReadOnlyList<string> Scopes)
{
    public const string KeyIdClaim = "siget:clave";
    public const string ChannelClaim = "siget:canal";
    public const string ScopeClaim = "scope";

    /// <summary>How Core's access rules know the key: an integration of its channel.</summary>
    public Actor Actor => Actor.Integration(PublicId, Name, Channel);

    public bool Has(string scope) => Scopes.Contains(scope);

    /// <summary>Refuses (403) a key without <paramref name="scope"/>.</summary>
    public void Require(string scope)
    {
        if (!Has(scope)) throw new ApiForbiddenException(scope);
    }

    public static ApiCaller From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(KeyIdClaim) ?? throw new InvalidOperationException("Not an API key principal.");
        var publicId = principal.FindFirstValue(ClaimTypes.NameIdentifier)![Actor.IntegrationPrefix.Length..];
        return new ApiCaller(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), publicId,
            principal.FindFirstValue(ClaimTypes.Name)!, (Channel)int.Parse(principal.FindFirstValue(ChannelClaim)!, System.Globalization.CultureInfo.InvariantCulture),
            principal.FindAll(ScopeClaim).Select(c => c.Value).ToList());
    }
}

/// <summary>A key that lacks the scope an action needs: 403.</summary>
public sealed class ApiForbiddenException(string scope) : Exception($"La clave no tiene el alcance «{scope}».")
{
    public string Scope { get; } = scope;
}

/// <summary>Finds and checks the key a request presents (hash compared in constant time) and notes when it was last used.</summary>
public sealed class ApiKeyAuthenticator(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, IHostEnvironment environment)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiKey?> FindAsync(string presented, CancellationToken ct)
    {
        if (!ApiKeySecrets.TryParse(presented, out var publicId, out var secret)) return null;
        // The documented demo key works only in Development, even over a database copied from there.
        if (publicId == DemoApiKey.PublicId && !environment.IsDevelopment()) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.PublicId == publicId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (key is null)
        {
            ApiKeySecrets.Matches(secret, new byte[32]); // the same work whether or not the id exists
            return null;
        }
        if (!key.IsActiveAt(now)) return null;
        var valid = ApiKeySecrets.Matches(secret, key.SecretHash)
            | (key.PreviousValidUntilUtc > now && ApiKeySecrets.Matches(secret, key.PreviousSecretHash));
        if (!valid) return null;
        if (key.LastUsedAtUtc is null || now - key.LastUsedAtUtc > LastUsedResolution)
        {
            var before = now - LastUsedResolution;
            await db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAtUtc == null || k.LastUsedAtUtc < before))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAtUtc, now), ct);
        }
        return key;
    }
}

/// <summary>
/// <c>Authorization: Bearer sgt_…</c>, the only way into <c>/api/v1</c> (cookies are not accepted there, so there is nothing
/// to forge across sites). A missing, malformed, unknown, wrong, revoked or expired key all get the same 401.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiKeyAuthenticator authenticator, ApiKeyGuesses guesses) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ClaveApi";
    private const string BlockedFor = "siget:api-bloqueada";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("No es una clave de API.");
        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "desconocido";
        if (guesses.BlockedFor(client) is { } wait)
        {
            Context.Items[BlockedFor] = wait;
            return AuthenticateResult.Fail("Demasiadas claves de API erradas desde esta dirección.");
        }
        var key = await authenticator.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            guesses.CountWrong(client);
            return AuthenticateResult.Fail("Clave de API no válida.");
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"{Actor.IntegrationPrefix}{key.PublicId}"),
            new(ClaimTypes.Name, key.Name),
            new(ApiCaller.KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ApiCaller.ChannelClaim, ((int)key.Channel).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(key.ScopeList.Select(s => new Claim(ApiCaller.ScopeClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[BlockedFor] is TimeSpan wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblems.Write(Context, StatusCodes.Status429TooManyRequests, "Demasiadas solicitudes",
                $"Se presentaron demasiadas claves de API erradas desde esta dirección. Vuelva a intentarlo en {seconds} s.");
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "Clave de API requerida",
            "Envíe una clave de API vigente en la cabecera «Authorization: Bearer <clave>».");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Sin permiso", "La clave no tiene el alcance que esta operación necesita.");
}
