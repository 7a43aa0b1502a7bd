using Microsoft.AspNetCore.Identity;
using Siget.Core.Access;

namespace Siget.Console.Data;

/// <summary>A person who signs in to SIGET. Each person has exactly one role.</summary>
public class ApplicationUser : IdentityUser
{
    public const int FullNameMaxLength = 120;
    /// <summary>Identity's own column size.</summary>
    public const int EmailMaxLength = 256;

    [PersonalData]
    public string FullName { get; set; } = "";
    /// <summary>Documento Nacional de Identidad (8 digits), optional and unique: how other systems of the agency name a
    /// person (SISMONITOR registers tickets by it).</summary>
    [PersonalData]
    public string? Dni { get; set; }
    public Role Role { get; set; } = Role.Usuario;
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public Classification? Classification { get; set; }
    public int? VendorCompanyId { get; set; }
    public VendorCompany? VendorCompany { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Disponible or Ausente: absent people receive no tickets (by hand or automatically).</summary>
    public bool IsAvailable { get; set; } = true;

    /// <summary>Full name, user name and DNI folded (lower case, no accents) for searches; kept in step on every save.</summary>
    public string SearchName
    {
        get => Siget.Core.Catalog.CatalogSearch.Fold($"{FullName} {UserName} {Dni}".TrimEnd());
        private set { }
    }

    public Actor ToActor() => new(Id, FullName, Role, VendorCompanyId);
}
