using Siget.Core.Access;
using Siget.Core.Escalation;

namespace Siget.Core.Tickets;

/// <summary>One allowed move: the action, the states it starts from, the state it leads to, who may make it
/// and what it requires (in words, for the screen and the error messages). <see cref="MayAct"/> is told the actor, the
/// ticket and whether the person holding it is marked Ausente (which the ticket itself does not know).</summary>
public sealed record TicketTransition(
    TicketAction Action,
    IReadOnlyList<TicketState> From,
    TicketState To,
    string Requires,
    Func<Actor, Ticket, bool, bool> MayAct);

/// <summary>
/// The ticket lifecycle in one table (Anexo 5 plus Anulado). <see cref="Ticket"/> refuses anything not in it;
/// screens ask <see cref="Ticket.AllowedActions"/> instead of repeating these rules.
/// </summary>
public static class TicketTransitions
{
    public static IReadOnlyList<TicketTransition> All { get; } =
    [
        new(TicketAction.Tomar, [TicketState.EnCola], TicketState.EnProceso,
            "Personal del nivel en que está el ticket",
            (a, t, _) => IsSupervisor(a) || WorksAtLevel(a, t)),
        // Handing out someone else's ticket is the supervisor's act (and the system's automatic assignment); whoever
        // holds a ticket may hand it over to a colleague of the level.
        new(TicketAction.Reasignar, [TicketState.EnCola, TicketState.EnProceso], TicketState.EnProceso,
            "El Ejecutivo de la UTI, o quien lo tiene asignado, a otra persona del mismo nivel; nota opcional",
            (a, t, _) => IsSupervisor(a) || a.Role == Role.Sistema || (IsAssignee(a, t) && WorksAtLevel(a, t))),
        new(TicketAction.Asumir, [TicketState.EnProceso], TicketState.EnProceso,
            "Una persona del mismo nivel, solo mientras quien lo tiene está ausente; con un motivo",
            (a, t, absent) => absent && !IsSupervisor(a) && !IsAssignee(a, t) && WorksAtLevel(a, t)),
        new(TicketAction.Liberar, [TicketState.EnProceso], TicketState.EnCola,
            "Quien lo tiene asignado o el Ejecutivo de la UTI; nota opcional",
            (a, t, _) => IsSupervisor(a) || IsAssignee(a, t)),
        new(TicketAction.Escalar, [TicketState.EnCola, TicketState.EnProceso], TicketState.EnCola,
            "Un criterio de la matriz (Anexo 3) para el nivel de destino y un motivo; al Nivel 3, la empresa proveedora",
            (a, t, _) => t.EscalationRoutes(a).Count > 0),
        new(TicketAction.Devolver, [TicketState.EnCola, TicketState.EnProceso], TicketState.EnCola,
            "Solo el Ejecutivo de la UTI, con un motivo",
            (a, t, _) => IsSupervisor(a) && t.Level > SupportLevel.Nivel1),
        new(TicketAction.Resolver, [TicketState.EnProceso], TicketState.Resuelto,
            "Las acciones realizadas",
            (a, t, _) => IsSupervisor(a) || IsAssignee(a, t)),
        // 6.6: the requester reopens; the supervisor only on their behalf, recording who asked and how.
        new(TicketAction.Reabrir, [TicketState.Resuelto], TicketState.EnProceso,
            "El motivo de la disconformidad; el Ejecutivo de la UTI, a pedido del solicitante (quién y por qué medio)",
            (a, t, _) => IsRequester(a, t) || IsSupervisor(a)),
        new(TicketAction.Finalizar, [TicketState.Resuelto], TicketState.Finalizado,
            "Solo el usuario atendido",
            (a, t, _) => IsRequester(a, t) || a.Role == Role.Sistema),
        new(TicketAction.Anular, [TicketState.EnCola, TicketState.EnProceso, TicketState.Resuelto], TicketState.Anulado,
            "Un motivo (por ejemplo, ticket duplicado) y, opcional, un mensaje para el solicitante",
            (a, _, _) => IsSupervisor(a)),
    ];

    public static TicketTransition For(TicketAction action) =>
        All.FirstOrDefault(t => t.Action == action) ?? throw new ArgumentOutOfRangeException(nameof(action));

    /// <summary>Whether <paramref name="actor"/> is one of the people who work tickets at the ticket's level
    /// (for level 3, a user of the vendor company the ticket was escalated to).</summary>
    public static bool WorksAtLevel(Actor actor, Ticket ticket) => WorksAt(actor, ticket.Level, ticket.VendorCompanyId);

    /// <summary>Whether <paramref name="actor"/> works tickets at <paramref name="level"/> (at level 3, for <paramref name="vendorCompanyId"/>).</summary>
    public static bool WorksAt(Actor actor, SupportLevel level, int? vendorCompanyId) =>
        actor.Role == EscalationMatrix.WorkedBy(level)
        && (level != SupportLevel.Nivel3 || actor.VendorCompanyId == vendorCompanyId);

    /// <summary>Whether <paramref name="actor"/> may send the ticket along <paramref name="route"/>: one of the route's
    /// responsible roles, and, for staff of the level, the ticket is theirs or still unassigned.</summary>
    public static bool MayEscalate(Actor actor, Ticket ticket, EscalationRoute route)
    {
        if (route.From != ticket.Level || !route.By.Contains(actor.Role)) return false;
        if (actor.Role is Role.Supervisor or Role.Sistema) return true;
        // Specialists decide on vendor cases (Anexo 3, row 3), whoever of the vendor holds the ticket.
        if (actor.Role == Role.Especialista && ticket.Level == SupportLevel.Nivel3) return true;
        return IsAssignee(actor, ticket) || (ticket.AssigneeId is null && WorksAtLevel(actor, ticket));
    }

    private static bool IsSupervisor(Actor actor) => actor.Role == Role.Supervisor;
    private static bool IsAssignee(Actor actor, Ticket ticket) => ticket.AssigneeId == actor.UserId;
    private static bool IsRequester(Actor actor, Ticket ticket) => ticket.RequesterId == actor.UserId;
}
