using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.Administration;

namespace Siget.Console.Components.Account;

/// <summary>The "EntraId" configuration section: optional sign-in with Microsoft Entra ID (off by default).</summary>
public sealed class EntraIdOptions : IValidatableObject
{
    public const string Section = "EntraId";
    public const string Scheme = "EntraId";

    public bool Enabled { get; set; }
    public string Instance { get; set; } = "https://login.microsoftonline.com/";
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Enabled) yield break;
        if (string.IsNullOrWhiteSpace(TenantId)) yield return new("EntraId:TenantId es obligatorio cuando EntraId:Enabled es true.");
        if (string.IsNullOrWhiteSpace(ClientId)) yield return new("EntraId:ClientId es obligatorio cuando EntraId:Enabled es true.");
        if (string.IsNullOrWhiteSpace(ClientSecret)) yield return new("EntraId:ClientSecret es obligatorio cuando EntraId:Enabled es true.");
    }
}

/// <summary>
/// Sign-in with Microsoft Entra ID (OpenID Connect), by configuration. Entra ID proves who the person is; SIGET still
/// decides what they may do: the e-mail Entra ID gives must be that of an active local user, whose role applies.
/// </summary>
public static class EntraIdSignIn
{
    public static void AddEntraId(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var options = configuration.GetSection(EntraIdOptions.Section).Get<EntraIdOptions>() ?? new EntraIdOptions();
        var problems = options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage).ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));
        if (!options.Enabled) return;
        authentication.AddOpenIdConnect(EntraIdOptions.Scheme, "Microsoft Entra ID", o =>
        {
            o.Authority = $"{options.Instance.TrimEnd('/')}/{options.TenantId}/v2.0";
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.ResponseType = "code";
            o.CallbackPath = "/signin-oidc";
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Add("email");
            o.MapInboundClaims = false;
        });
    }

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{EntraIdOptions.Section}:Enabled");

    /// <summary>The active local user with this e-mail, or null.</summary>
    public static async Task<ApplicationUser?> FindLocalUserAsync(UserManager<ApplicationUser> users, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var normalized = users.NormalizeEmail(email.Trim());
        var matches = await users.Users.Where(u => u.NormalizedEmail == normalized).Take(2).ToListAsync();
        // Two accounts with one e-mail cannot be told apart: refuse rather than guess.
        return matches is [{ IsActive: true } only] ? only : null;
    }

    /// <summary>/cuenta/entra starts the sign-in; /cuenta/entra/vuelta finishes it with the local account.</summary>
    public static void MapEntraIdEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cuenta/entra", (string? returnUrl) => TypedResults.Challenge(
            new AuthenticationProperties { RedirectUri = $"/cuenta/entra/vuelta?returnUrl={Uri.EscapeDataString(ReturnAddress.Local(returnUrl))}" },
            [EntraIdOptions.Scheme])).RequireRateLimiting(RequestLimits.SignIn);

        endpoints.MapGet("/cuenta/entra/vuelta", async (HttpContext context, string? returnUrl, SignInManager<ApplicationUser> signIn, AuditLog audit) =>
        {
            var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            var email = external.Principal?.FindFirstValue("email") ?? external.Principal?.FindFirstValue("preferred_username");
            var user = await FindLocalUserAsync(signIn.UserManager, email);
            var address = context.Connection.RemoteIpAddress?.ToString();
            if (user is null)
            {
                await audit.RecordAsync(null, email ?? "(sin correo)", "Ingreso fallido", email ?? "(sin correo)", after: "Microsoft Entra ID", address: address);
                return Results.LocalRedirect("~/cuenta/ingresar?entra=sin-cuenta");
            }
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "EntraId");
            await audit.RecordAsync(user.Id, user.FullName, "Ingreso", user.UserName ?? user.Id, after: "Microsoft Entra ID", address: address);
            return Results.LocalRedirect("~/" + ReturnAddress.Local(returnUrl));
        }).RequireRateLimiting(RequestLimits.SignIn);
    }
}
