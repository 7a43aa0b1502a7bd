using System.Linq.Expressions;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Core.Access;

/// <summary>
/// Who may see which tickets. One expression serves the database (applied to every query) and memory.
/// Usuario: own tickets. Técnico: level 1 and those assigned to them. Especialista: levels 2 and 3 (they
/// escalate to vendors and follow them) and those assigned to them. Proveedor: only tickets escalated to
/// its company. Supervisor and Administrador: all. An integration (API key): the tickets of its channel.
/// </summary>
public static class TicketAccess
{
    public static Expression<Func<Ticket, bool>> VisibleTo(Actor actor)
    {
        var userId = actor.UserId;
        var company = actor.VendorCompanyId;
        var channel = actor.IntegrationChannel;
        return actor.Role switch
        {
            Role.Supervisor or Role.Administrador or Role.Sistema => t => true,
            Role.Tecnico => t => t.Level == SupportLevel.Nivel1 || t.AssigneeId == userId,
            Role.Especialista => t => t.Level == SupportLevel.Nivel2 || t.Level == SupportLevel.Nivel3 || t.AssigneeId == userId,
            Role.Proveedor when company is not null => t => t.VendorCompanyId == company,
            Role.Usuario => t => t.RequesterId == userId,
            Role.Integracion when channel is not null => t => t.Channel == channel,
            _ => t => false,
        };
    }

    public static bool CanSee(Actor actor, Ticket ticket) => VisibleTo(actor).Compile()(ticket);

    /// <summary>
    /// Which tickets a person follows live (lists, counts, events): what they may see, except that a vendor follows only
    /// the tickets at level 3 now; one that left keeps its read-only page, frozen when it left.
    /// </summary>
    public static Expression<Func<Ticket, bool>> FollowedBy(Actor actor)
    {
        if (actor.Role != Role.Proveedor) return VisibleTo(actor);
        var company = actor.VendorCompanyId;
        return company is null ? t => false : t => t.VendorCompanyId == company && t.Level == SupportLevel.Nivel3;
    }

    /// <summary>UTI staff register tickets on behalf of others and work the queue.</summary>
    public static bool MayRegisterForOthers(Actor actor) => actor.Role.IsUtiStaff();
}
