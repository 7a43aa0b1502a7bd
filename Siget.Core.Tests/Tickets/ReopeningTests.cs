using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Core.Tests;

public class ReopeningTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Reopening_without_a_reason_is_refused(string? reason)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Reopen(Actors.Requester, reason!, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Complete el motivo de la reapertura.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Fact]
    public void A_reopening_reason_longer_than_the_limit_is_refused()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);

        var act = () => ticket.Reopen(Actors.Requester, new string('x', TicketLimits.ReasonMaxLength + 1), builder.Tick());

        act.Should().Throw<DomainException>().WithMessage($"Escriba como máximo {TicketLimits.ReasonMaxLength} caracteres en el motivo de la reapertura.");
        ticket.State.Should().Be(TicketState.Resuelto);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1)]
    [InlineData(SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel3)]
    [InlineData(SupportLevel.Nivel4)]
    public void Reopening_goes_back_to_En_proceso_with_the_same_assignee_and_level(SupportLevel level)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(TicketState.Resuelto);
        var assignee = ticket.AssigneeId;
        var now = builder.Tick();

        ticket.Reopen(Actors.Requester, "La impresora volvió a atascarse.", now);

        ticket.State.Should().Be(TicketState.EnProceso);
        ticket.AssigneeId.Should().Be(assignee).And.Be(Actors.WorkerAt(level).UserId);
        ticket.Level.Should().Be(level);
        ticket.ResolvedAtUtc.Should().BeNull();
        ticket.NextDueUtc.Should().Be(ticket.ResolutionDueUtc);
        var entry = ticket.History[^1];
        (entry.Action, entry.FromState, entry.ToState, entry.Reason)
            .Should().Be((TicketAction.Reabrir, TicketState.Resuelto, TicketState.EnProceso, "La impresora volvió a atascarse."));
    }

    [Fact]
    public void A_reopened_ticket_is_resolved_again_by_the_same_person_and_then_finalized()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        ticket.Reopen(Actors.Requester, "Sigue fallando.", builder.Tick());

        ticket.Resolve(Actors.Technician, "Se cambió el rodillo.", builder.Tick());
        ticket.Finalize(Actors.Requester, builder.Tick(), new Satisfaction(5, null));

        ticket.State.Should().Be(TicketState.Finalizado);
        ticket.Solution.Should().Be("Se cambió el rodillo.");
        ticket.History.Select(h => h.Action).Should().EndWith([TicketAction.Reabrir, TicketAction.Resolver, TicketAction.Finalizar]);
    }
}
