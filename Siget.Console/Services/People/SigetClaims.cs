using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Siget.Console.Data;
using Siget.Core.Access;

namespace Siget.Console.Services.People;

/// <summary>The claims SIGET puts in the sign-in cookie, and the <see cref="Actor"/> read back from them.</summary>
public static class SigetClaims
{
    public const string FullName = "siget:name";
    public const string VendorCompany = "siget:vendor";

    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new Siget.Core.DomainException("Inicie sesión para continuar.");
        var role = Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var r) && r.IsPersonRole() ? r : Role.Usuario;
        var vendor = int.TryParse(principal.FindFirstValue(VendorCompany), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        return new Actor(id, principal.FindFirstValue(FullName) ?? principal.Identity?.Name ?? "", role, vendor);
    }
}

/// <summary>Adds role, full name and vendor company to the principal Identity builds at sign-in.</summary>
internal sealed class SigetClaimsPrincipalFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(SigetClaims.FullName, user.FullName));
        if (user.VendorCompanyId is int vendor)
            identity.AddClaim(new Claim(SigetClaims.VendorCompany, vendor.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
