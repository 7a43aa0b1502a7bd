using System.Linq.Expressions;
using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Core.Reports;

/// <summary>
/// Who may read the reports, and over which tickets: the supervisor and the administrator over all of them, a vendor's
/// people over the tickets escalated to their company, nobody else (requesters, technicians and specialists).
/// </summary>
public static class ReportAccess
{
    public static bool MayView(Actor actor) =>
        actor.Role is Role.Supervisor or Role.Administrador || (actor.Role == Role.Proveedor && actor.VendorCompanyId is not null);

    public static void Demand(Actor actor)
    {
        if (!MayView(actor)) throw new DomainException("Los reportes son para el Ejecutivo de la UTI, el administrador y las empresas proveedoras.");
    }

    /// <summary>The tickets the person's figures are computed over, as a filter for the database.</summary>
    public static Expression<Func<Ticket, bool>> Scope(Actor actor)
    {
        Demand(actor);
        if (actor.Role != Role.Proveedor) return _ => true;
        var vendor = actor.VendorCompanyId;
        return t => t.VendorCompanyId == vendor;
    }

    /// <summary>Whether the person sees the whole service (every breakdown) or only their company's share.</summary>
    public static bool SeesWholeService(Actor actor) => actor.Role is Role.Supervisor or Role.Administrador;
}
