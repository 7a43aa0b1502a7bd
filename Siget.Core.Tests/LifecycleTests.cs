using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Core.Tests;

public class LifecycleTests
{
    private static readonly DateTime Later = TicketBuilder.Now.AddHours(1);

    /// <summary>Runs an action with the inputs it needs; the actor decides whether it is allowed.</summary>
    private static void Do(Ticket t, TicketAction action, Actor actor)
    {
        switch (action)
        {
            case TicketAction.Tomar: t.Take(actor, Later); break;
            case TicketAction.Reasignar: t.Reassign(actor, Reassignee(t, actor), "Cambio de turno", Later); break;
            case TicketAction.Escalar: t.Escalate(actor, Escalation.EscalationMatrix.CriteriaFrom(t.Level)[0].Code, "Necesita otro nivel", Actors.VendorCompany, Later); break;
            case TicketAction.Resolver: t.Resolve(actor, "Se cambió el tóner.", Later); break;
            case TicketAction.Reabrir: t.Reopen(actor, "Sigue fallando.", Later); break;
            case TicketAction.Finalizar: t.Finalize(actor, Later); break;
            case TicketAction.Anular: t.Cancel(actor, "Duplicado de otro ticket.", Later); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static Actor Reassignee(Ticket t, Actor actor) => t.AssigneeId == Actors.OtherTechnician.UserId ? Actors.Technician : Actors.OtherTechnician;

    public static TheoryData<TicketState, TicketAction, Actor, TicketState> AllowedMoves => new()
    {
        { TicketState.EnCola, TicketAction.Tomar, Actors.Technician, TicketState.EnProceso },
        { TicketState.EnCola, TicketAction.Tomar, Actors.Supervisor, TicketState.EnProceso },
        { TicketState.EnCola, TicketAction.Reasignar, Actors.Technician, TicketState.EnProceso },
        { TicketState.EnProceso, TicketAction.Reasignar, Actors.Supervisor, TicketState.EnProceso },
        { TicketState.EnCola, TicketAction.Escalar, Actors.Technician, TicketState.EnCola },
        { TicketState.EnProceso, TicketAction.Escalar, Actors.Technician, TicketState.EnCola },
        { TicketState.EnProceso, TicketAction.Resolver, Actors.Technician, TicketState.Resuelto },
        { TicketState.EnProceso, TicketAction.Resolver, Actors.Supervisor, TicketState.Resuelto },
        { TicketState.Resuelto, TicketAction.Reabrir, Actors.Requester, TicketState.EnProceso },
        { TicketState.Resuelto, TicketAction.Finalizar, Actors.Requester, TicketState.Finalizado },
        { TicketState.Resuelto, TicketAction.Finalizar, Actor.System, TicketState.Finalizado },
        { TicketState.EnCola, TicketAction.Anular, Actors.Supervisor, TicketState.Anulado },
        { TicketState.EnProceso, TicketAction.Anular, Actors.Supervisor, TicketState.Anulado },
        { TicketState.Resuelto, TicketAction.Anular, Actors.Supervisor, TicketState.Anulado },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_move_changes_state_and_leaves_exactly_one_history_entry(TicketState from, TicketAction action, Actor actor, TicketState to)
    {
        var ticket = new TicketBuilder().InState(from);
        var version = ticket.Version;
        var entries = ticket.History.Count;

        ticket.AllowedActions(actor).Should().Contain(action);
        Do(ticket, action, actor);

        ticket.State.Should().Be(to);
        ticket.Version.Should().Be(version + 1);
        ticket.History.Should().HaveCount(entries + 1);
        var entry = ticket.History[^1];
        entry.Action.Should().Be(action);
        entry.ActorId.Should().Be(actor.UserId);
        entry.ActorName.Should().Be(actor.Name);
        entry.AtUtc.Should().Be(Later);
        entry.AtUtc.Kind.Should().Be(DateTimeKind.Utc);
        entry.FromState.Should().Be(from);
        entry.ToState.Should().Be(to);
    }

    public static TheoryData<TicketState, TicketAction> MovesFromWrongState()
    {
        var data = new TheoryData<TicketState, TicketAction>();
        foreach (var transition in TicketTransitions.All)
            foreach (var state in Enum.GetValues<TicketState>().Except(transition.From))
                data.Add(state, transition.Action);
        return data;
    }

    [Theory]
    [MemberData(nameof(MovesFromWrongState))]
    public void A_move_from_a_state_not_in_the_table_is_refused_in_Spanish_and_changes_nothing(TicketState state, TicketAction action)
    {
        var ticket = new TicketBuilder().InState(state);
        var (version, entries) = (ticket.Version, ticket.History.Count);

        var act = () => Do(ticket, action, Actors.Supervisor);

        act.Should().Throw<DomainException>().WithMessage($"No se puede * un ticket en estado {state.Label()}.");
        ticket.State.Should().Be(state);
        ticket.Version.Should().Be(version);
        ticket.History.Should().HaveCount(entries);
    }

    public static TheoryData<TicketState, TicketAction, Actor> RefusedByRole => new()
    {
        { TicketState.EnCola, TicketAction.Anular, Actors.Technician },
        { TicketState.EnProceso, TicketAction.Anular, Actors.Specialist },
        { TicketState.Resuelto, TicketAction.Finalizar, Actors.Technician },
        { TicketState.Resuelto, TicketAction.Finalizar, Actors.Supervisor },
        { TicketState.Resuelto, TicketAction.Finalizar, Actors.OtherRequester },
        { TicketState.Resuelto, TicketAction.Reabrir, Actors.OtherRequester },
        { TicketState.Resuelto, TicketAction.Reabrir, Actors.Technician },
        { TicketState.EnProceso, TicketAction.Resolver, Actors.OtherTechnician },
        { TicketState.EnProceso, TicketAction.Resolver, Actors.Requester },
        { TicketState.EnCola, TicketAction.Tomar, Actors.Specialist },
        { TicketState.EnCola, TicketAction.Tomar, Actors.Requester },
        { TicketState.EnCola, TicketAction.Tomar, Actors.Vendor },
        { TicketState.EnCola, TicketAction.Tomar, Actors.Administrator },
        { TicketState.EnProceso, TicketAction.Escalar, Actors.OtherTechnician },
        { TicketState.EnCola, TicketAction.Escalar, Actors.Specialist },
    };

    [Theory]
    [MemberData(nameof(RefusedByRole))]
    public void A_person_the_table_does_not_name_is_refused_and_nothing_changes(TicketState state, TicketAction action, Actor actor)
    {
        var ticket = new TicketBuilder().InState(state);
        var (version, entries) = (ticket.Version, ticket.History.Count);

        ticket.AllowedActions(actor).Should().NotContain(action);
        var act = () => Do(ticket, action, actor);

        act.Should().Throw<DomainException>().WithMessage("No tiene permiso para *");
        ticket.Version.Should().Be(version);
        ticket.History.Should().HaveCount(entries);
    }

    [Fact]
    public void Allowed_actions_are_exactly_those_that_succeed_for_every_person_and_state()
    {
        Actor[] people = [Actors.Requester, Actors.OtherRequester, Actors.Technician, Actors.OtherTechnician, Actors.Specialist,
            Actors.Vendor, Actors.Supervisor, Actors.Administrator];
        foreach (var state in Enum.GetValues<TicketState>())
            foreach (var actor in people)
                foreach (var action in TicketTransitions.All.Select(t => t.Action))
                {
                    var ticket = new TicketBuilder().InState(state);
                    var allowed = ticket.AllowedActions(actor).Contains(action);
                    var act = () => Do(ticket, action, actor);
                    if (allowed) act.Should().NotThrow($"{actor.Role} may {action} in {state}");
                    else act.Should().Throw<DomainException>($"{actor.Role} may not {action} in {state}");
                }
    }

    [Fact]
    public void Resolving_requires_the_actions_taken()
    {
        var ticket = new TicketBuilder().InState(TicketState.EnProceso);
        var act = () => ticket.Resolve(Actors.Technician, "  ", Later);
        act.Should().Throw<DomainException>().WithMessage("Complete las acciones realizadas.");
        ticket.State.Should().Be(TicketState.EnProceso);
    }

    [Fact]
    public void Reopening_requires_a_reason_and_returns_to_the_same_assignee()
    {
        var ticket = new TicketBuilder().InState(TicketState.Resuelto);
        var act = () => ticket.Reopen(Actors.Requester, "", Later);
        act.Should().Throw<DomainException>().WithMessage("Complete el motivo de la reapertura.");

        ticket.Reopen(Actors.Requester, "La impresora volvió a atascarse.", Later);

        ticket.State.Should().Be(TicketState.EnProceso);
        ticket.AssigneeId.Should().Be(Actors.Technician.UserId);
        ticket.History[^1].Reason.Should().Be("La impresora volvió a atascarse.");
        ticket.NextDueUtc.Should().Be(ticket.ResolutionDueUtc);
    }

    [Fact]
    public void Cancelling_requires_a_reason()
    {
        var ticket = new TicketBuilder().InState(TicketState.EnCola);
        var act = () => ticket.Cancel(Actors.Supervisor, null!, Later);
        act.Should().Throw<DomainException>().WithMessage("Complete el motivo de la anulación.");
    }

    [Fact]
    public void Taking_a_ticket_is_its_first_response_and_the_clock_moves_to_resolution()
    {
        var ticket = new TicketBuilder().Registered();
        ticket.NextDueUtc.Should().Be(ticket.FirstResponseDueUtc);

        ticket.Take(Actors.Technician, Later);

        ticket.FirstResponseAtUtc.Should().Be(Later);
        ticket.NextDueUtc.Should().Be(ticket.ResolutionDueUtc);
        ticket.AssigneeName.Should().Be(Actors.Technician.Name);
    }
}
