using System.Linq.Expressions;
using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Core.Reports;

/// <summary>
/// Who may read the reports, and over which tickets: the supervisor and the administrator over all of them, a vendor's
/// people over the tickets their company holds or resolved at Nivel 3 (as their queue, <see cref="TicketAccess.FollowedBy"/>:
/// once a ticket leaves the company, what happens to it next is not theirs), nobody else (requesters, technicians and
/// specialists).
/// </summary>
public static class ReportAccess
{
    public static bool MayView(Actor actor) =>
        actor.Role is Role.Supervisor or Role.Administrador || (actor.Role == Role.Proveedor && actor.VendorCompanyId is not null);

    public const string Refusal = "Los reportes son para el Ejecutivo de la UTI, el administrador y las empresas proveedoras.";

    public static string BreakdownRefusal(ReportDimension dimension) =>
        $"El desglose por {dimension.Label().ToLowerInvariant()} es solo para el Ejecutivo de la UTI y el administrador.";

    public static void Demand(Actor actor)
    {
        if (!MayView(actor)) throw new DomainException(Refusal);
    }

    /// <summary>The tickets the person's figures are computed over, as a filter for the database.</summary>
    public static Expression<Func<Ticket, bool>> Scope(Actor actor)
    {
        Demand(actor);
        if (actor.Role != Role.Proveedor) return _ => true;
        var vendor = actor.VendorCompanyId;
        return t => t.VendorCompanyId == vendor && t.Level == Escalation.SupportLevel.Nivel3;
    }

    /// <summary>A vendor's figures are its own company's: they are not broken down by the UTI's people or by company.</summary>
    public static bool MayBreakDownBy(Actor actor, ReportDimension dimension) =>
        SeesWholeService(actor) || dimension is not (ReportDimension.Persona or ReportDimension.Proveedor);

    public static void DemandBreakdown(Actor actor, ReportDimension? dimension)
    {
        Demand(actor);
        if (dimension is { } d && !MayBreakDownBy(actor, d)) throw new DomainException(BreakdownRefusal(d));
    }

    /// <summary>Whether the person sees the whole service (every breakdown) or only their company's share.</summary>
    public static bool SeesWholeService(Actor actor) => actor.Role is Role.Supervisor or Role.Administrador;
}
