using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;
using static Siget.Core.Tests.Support.Person;
using static Siget.Core.Tickets.TicketAction;

namespace Siget.Core.Tests.Tickets;

/// <summary>
/// The ticket lifecycle (Anexo 5 plus Anulado) as the tests expect it, written out by hand from the rules in
/// TicketTransitions.cs and Anexo 3: for each situation a ticket can be in, who may do what. A (situation, person)
/// pair that is not listed may do nothing. Situations are built by <see cref="TicketBuilder"/>: En cola is unassigned,
/// En proceso and Resuelto are held by <see cref="Actors.WorkerAt"/> of the level.
/// </summary>
public static class LifecycleTable
{
    // Supervisors send a ticket back down (Devolver) from any level above level 1, and release (Liberar) one in process.
    private static readonly TicketAction[] SupervisorOnQueueAtLevel1 = [Tomar, Reasignar, Escalar, Anular];
    private static readonly TicketAction[] SupervisorOnQueue = [Tomar, Reasignar, Escalar, Devolver, Anular];
    private static readonly TicketAction[] SupervisorInProcessAtLevel1 = [Reasignar, Liberar, Escalar, Resolver, Anular];
    private static readonly TicketAction[] SupervisorInProcess = [Reasignar, Liberar, Escalar, Devolver, Resolver, Anular];
    private static readonly TicketAction[] SupervisorOnResolved = [Reabrir, Anular];
    private static readonly TicketAction[] RequesterOnResolved = [Reabrir, Finalizar];
    // The system assigns automatically (Reasignar) and escalates a level-1 ticket for lack of progress (row 1 only).
    private static readonly TicketAction[] SystemWhileOpenAtLevel1 = [Reasignar, Escalar];
    private static readonly TicketAction[] SystemWhileOpen = [Reasignar];

    public static readonly (SupportLevel Level, TicketState State, Person Who, TicketAction[] May)[] Rows =
    [
        // Handing out a ticket someone else holds, or one still in the queue, is the supervisor's act (issue 16 item 29);
        // whoever holds it hands it over (Reasignar) or gives it back (Liberar). Taking over an absent colleague's
        // ticket (Asumir) is in TakingOverTests: it depends on the colleague's availability, not on the ticket.
        (SupportLevel.Nivel1, TicketState.EnCola, Technician, [Tomar, Escalar]),
        (SupportLevel.Nivel1, TicketState.EnCola, OtherTechnician, [Tomar, Escalar]),
        (SupportLevel.Nivel1, TicketState.EnCola, Supervisor, SupervisorOnQueueAtLevel1),
        (SupportLevel.Nivel1, TicketState.EnCola, OtherSupervisor, SupervisorOnQueueAtLevel1),
        (SupportLevel.Nivel1, TicketState.EnCola, Person.System, SystemWhileOpenAtLevel1),

        (SupportLevel.Nivel1, TicketState.EnProceso, Technician, [Reasignar, Liberar, Escalar, Resolver]),
        (SupportLevel.Nivel1, TicketState.EnProceso, Supervisor, SupervisorInProcessAtLevel1),
        (SupportLevel.Nivel1, TicketState.EnProceso, OtherSupervisor, SupervisorInProcessAtLevel1),
        (SupportLevel.Nivel1, TicketState.EnProceso, Person.System, SystemWhileOpenAtLevel1),

        (SupportLevel.Nivel1, TicketState.Resuelto, Requester, RequesterOnResolved),
        (SupportLevel.Nivel1, TicketState.Resuelto, Supervisor, SupervisorOnResolved),
        (SupportLevel.Nivel1, TicketState.Resuelto, OtherSupervisor, SupervisorOnResolved),
        (SupportLevel.Nivel1, TicketState.Resuelto, Person.System, [Finalizar]),

        (SupportLevel.Nivel2, TicketState.EnCola, Specialist, [Tomar, Escalar]),
        (SupportLevel.Nivel2, TicketState.EnCola, OtherSpecialist, [Tomar, Escalar]),
        (SupportLevel.Nivel2, TicketState.EnCola, Supervisor, SupervisorOnQueue),
        (SupportLevel.Nivel2, TicketState.EnCola, OtherSupervisor, SupervisorOnQueue),
        (SupportLevel.Nivel2, TicketState.EnCola, Person.System, SystemWhileOpen),

        (SupportLevel.Nivel2, TicketState.EnProceso, Specialist, [Reasignar, Liberar, Escalar, Resolver]),
        (SupportLevel.Nivel2, TicketState.EnProceso, Supervisor, SupervisorInProcess),
        (SupportLevel.Nivel2, TicketState.EnProceso, OtherSupervisor, SupervisorInProcess),
        (SupportLevel.Nivel2, TicketState.EnProceso, Person.System, SystemWhileOpen),

        (SupportLevel.Nivel2, TicketState.Resuelto, Requester, RequesterOnResolved),
        (SupportLevel.Nivel2, TicketState.Resuelto, Supervisor, SupervisorOnResolved),
        (SupportLevel.Nivel2, TicketState.Resuelto, OtherSupervisor, SupervisorOnResolved),
        (SupportLevel.Nivel2, TicketState.Resuelto, Person.System, [Finalizar]),

        // Level 3 belongs to the vendor company the ticket was escalated to; specialists decide on vendor cases.
        (SupportLevel.Nivel3, TicketState.EnCola, Vendor, [Tomar]),
        (SupportLevel.Nivel3, TicketState.EnCola, VendorColleague, [Tomar]),
        (SupportLevel.Nivel3, TicketState.EnCola, Specialist, [Escalar]),
        (SupportLevel.Nivel3, TicketState.EnCola, OtherSpecialist, [Escalar]),
        (SupportLevel.Nivel3, TicketState.EnCola, Supervisor, SupervisorOnQueue),
        (SupportLevel.Nivel3, TicketState.EnCola, OtherSupervisor, SupervisorOnQueue),
        (SupportLevel.Nivel3, TicketState.EnCola, Person.System, SystemWhileOpen),

        (SupportLevel.Nivel3, TicketState.EnProceso, Vendor, [Reasignar, Liberar, Resolver]),
        (SupportLevel.Nivel3, TicketState.EnProceso, Specialist, [Escalar]),
        (SupportLevel.Nivel3, TicketState.EnProceso, OtherSpecialist, [Escalar]),
        (SupportLevel.Nivel3, TicketState.EnProceso, Supervisor, SupervisorInProcess),
        (SupportLevel.Nivel3, TicketState.EnProceso, OtherSupervisor, SupervisorInProcess),
        (SupportLevel.Nivel3, TicketState.EnProceso, Person.System, SystemWhileOpen),

        (SupportLevel.Nivel3, TicketState.Resuelto, Requester, RequesterOnResolved),
        (SupportLevel.Nivel3, TicketState.Resuelto, Supervisor, SupervisorOnResolved),
        (SupportLevel.Nivel3, TicketState.Resuelto, OtherSupervisor, SupervisorOnResolved),
        (SupportLevel.Nivel3, TicketState.Resuelto, Person.System, [Finalizar]),

        // Level 4 is the head of UTI's; only they escalate to Dirección Ejecutiva (not even the system, which still assigns).
        (SupportLevel.Nivel4, TicketState.EnCola, Supervisor, SupervisorOnQueue),
        (SupportLevel.Nivel4, TicketState.EnCola, OtherSupervisor, SupervisorOnQueue),
        (SupportLevel.Nivel4, TicketState.EnCola, Person.System, [Reasignar]),
        (SupportLevel.Nivel4, TicketState.EnProceso, Supervisor, SupervisorInProcess),
        (SupportLevel.Nivel4, TicketState.EnProceso, OtherSupervisor, SupervisorInProcess),
        (SupportLevel.Nivel4, TicketState.EnProceso, Person.System, [Reasignar]),
        (SupportLevel.Nivel4, TicketState.Resuelto, Requester, RequesterOnResolved),
        (SupportLevel.Nivel4, TicketState.Resuelto, Supervisor, SupervisorOnResolved),
        (SupportLevel.Nivel4, TicketState.Resuelto, OtherSupervisor, SupervisorOnResolved),
        (SupportLevel.Nivel4, TicketState.Resuelto, Person.System, [Finalizar]),

        // Dirección Ejecutiva is the top: nobody escalates any further, supervisors may still send it back down.
        (SupportLevel.DireccionEjecutiva, TicketState.EnCola, Supervisor, [Tomar, Reasignar, Devolver, Anular]),
        (SupportLevel.DireccionEjecutiva, TicketState.EnCola, OtherSupervisor, [Tomar, Reasignar, Devolver, Anular]),
        (SupportLevel.DireccionEjecutiva, TicketState.EnCola, Person.System, [Reasignar]),
        (SupportLevel.DireccionEjecutiva, TicketState.EnProceso, Supervisor, [Reasignar, Liberar, Devolver, Resolver, Anular]),
        (SupportLevel.DireccionEjecutiva, TicketState.EnProceso, OtherSupervisor, [Reasignar, Liberar, Devolver, Resolver, Anular]),
        (SupportLevel.DireccionEjecutiva, TicketState.EnProceso, Person.System, [Reasignar]),
        (SupportLevel.DireccionEjecutiva, TicketState.Resuelto, Requester, RequesterOnResolved),
        (SupportLevel.DireccionEjecutiva, TicketState.Resuelto, Supervisor, SupervisorOnResolved),
        (SupportLevel.DireccionEjecutiva, TicketState.Resuelto, OtherSupervisor, SupervisorOnResolved),
        (SupportLevel.DireccionEjecutiva, TicketState.Resuelto, Person.System, [Finalizar]),
        // Finalizado and Anulado tickets (any level): nobody may do anything.
    ];

    /// <summary>The situations of the grid: every open or resolved state at every level, and the closed states at level 1.</summary>
    public static IEnumerable<(SupportLevel Level, TicketState State)> Situations()
    {
        foreach (var level in Enum.GetValues<SupportLevel>())
            foreach (var state in new[] { TicketState.EnCola, TicketState.EnProceso, TicketState.Resuelto })
                yield return (level, state);
        yield return (SupportLevel.Nivel1, TicketState.Finalizado);
        yield return (SupportLevel.Nivel1, TicketState.Anulado);
        yield return (SupportLevel.Nivel3, TicketState.Finalizado);
    }

    public static TicketAction[] Expected(SupportLevel level, TicketState state, Person who) =>
        Rows.Where(r => r.Level == level && r.State == state && r.Who == who).Select(r => r.May).SingleOrDefault() ?? [];

    /// <summary>The states each action starts from (Anexo 5: En cola → En proceso → Resuelto → Finalizado; Anulado from any open or resolved state).</summary>
    public static readonly IReadOnlyDictionary<TicketAction, TicketState[]> FromStates = new Dictionary<TicketAction, TicketState[]>
    {
        [Tomar] = [TicketState.EnCola],
        [Reasignar] = [TicketState.EnCola, TicketState.EnProceso],
        [Liberar] = [TicketState.EnProceso],
        [Escalar] = [TicketState.EnCola, TicketState.EnProceso],
        [Devolver] = [TicketState.EnCola, TicketState.EnProceso],
        [Resolver] = [TicketState.EnProceso],
        [Reabrir] = [TicketState.Resuelto],
        [Finalizar] = [TicketState.Resuelto],
        [Anular] = [TicketState.EnCola, TicketState.EnProceso, TicketState.Resuelto],
    };

    /// <summary>The state each action leads to (escalation and sending back put the ticket in the queue of the other level,
    /// releasing puts it back in the queue of its own).</summary>
    public static readonly IReadOnlyDictionary<TicketAction, TicketState> ToState = new Dictionary<TicketAction, TicketState>
    {
        [Tomar] = TicketState.EnProceso,
        [Reasignar] = TicketState.EnProceso,
        [Liberar] = TicketState.EnCola,
        [Escalar] = TicketState.EnCola,
        [Devolver] = TicketState.EnCola,
        [Resolver] = TicketState.Resuelto,
        [Reabrir] = TicketState.EnProceso,
        [Finalizar] = TicketState.Finalizado,
        [Anular] = TicketState.Anulado,
    };

    /// <summary>The infinitive of the Spanish refusals.</summary>
    public static readonly IReadOnlyDictionary<TicketAction, string> Verb = new Dictionary<TicketAction, string>
    {
        [Tomar] = "tomar", [Reasignar] = "reasignar", [Escalar] = "escalar", [Resolver] = "resolver",
        [Reabrir] = "reabrir", [Finalizar] = "finalizar", [Anular] = "anular", [Liberar] = "liberar", [Devolver] = "devolver",
    };

    public static readonly TicketAction[] Transitions = [Tomar, Reasignar, Liberar, Escalar, Devolver, Resolver, Reabrir, Finalizar, Anular];

    public static Ticket Build(SupportLevel level, TicketState state, out TicketBuilder builder)
    {
        builder = new TicketBuilder().AtLevel(level);
        return builder.InState(state);
    }
}
