namespace Siget.Core.Access;

/// <summary>
/// Which people a person may find in a list: pickers, filters, autocompletes, the board's columns, a report's breakdown
/// by person. The same reach as their tickets: a vendor user finds only the users of its own company (who may hold its
/// tickets); a técnico, who never sees tickets at a vendor, finds no vendor users; a requester finds nobody.
/// </summary>
/// <param name="Roles">The roles of the people they may find.</param>
/// <param name="VendorCompanyId">When set, the vendor users among them must be of this company.</param>
public sealed record PeopleScope(IReadOnlyList<Role> Roles, int? VendorCompanyId = null)
{
    public bool Includes(Role role, int? vendorCompanyId) =>
        Roles.Contains(role) && (role != Role.Proveedor || VendorCompanyId is null || vendorCompanyId == VendorCompanyId);
}

public static class PeopleAccess
{
    private static readonly Role[] Uti = [Role.Usuario, Role.Tecnico, Role.Especialista, Role.Supervisor, Role.Administrador];

    public static PeopleScope ListedTo(Actor actor) => actor.Role switch
    {
        Role.Supervisor or Role.Administrador or Role.Sistema => new([.. Uti, Role.Proveedor]),
        // Especialistas escalate to every vendor company and follow its tickets (TicketAccess: levels 2 and 3).
        Role.Especialista => new([.. Uti, Role.Proveedor]),
        Role.Tecnico => new(Uti),
        Role.Proveedor when actor.VendorCompanyId is int company => new([Role.Proveedor], company),
        _ => new([]),
    };
}
