using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Core.Tests;

public class ClosingTests
{
    [Fact]
    public void Finalizing_closes_the_ticket_and_stops_the_clock()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        var now = builder.Tick();

        ticket.Finalize(Actors.Requester, now, new Satisfaction(5, null));

        ticket.State.Should().Be(TicketState.Finalizado);
        ticket.IsOpen.Should().BeFalse();
        ticket.ClosedAtUtc.Should().Be(now);
        ticket.NextDueUtc.Should().BeNull();
        ticket.History[^1].Reason.Should().BeNull();
    }

    [Fact]
    public void The_system_finalizes_a_resolved_ticket_the_requester_left_unanswered()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);

        ticket.Finalize(Actor.System, builder.Tick(), new Satisfaction(5, null));

        ticket.State.Should().Be(TicketState.Finalizado);
        ticket.History[^1].ActorName.Should().Be("Sistema");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Cancelling_without_a_reason_is_refused(string? reason)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnCola);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Cancel(Actors.Supervisor, reason!, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Complete el motivo de la anulación.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(TicketState.EnCola)]
    [InlineData(TicketState.EnProceso)]
    [InlineData(TicketState.Resuelto)]
    public void Cancelling_closes_the_ticket_with_its_reason(TicketState from)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(from);
        var now = builder.Tick();

        ticket.Cancel(Actors.Supervisor, "Duplicado del ticket 2026-000010.", now);

        ticket.State.Should().Be(TicketState.Anulado);
        ticket.IsOpen.Should().BeFalse();
        ticket.ClosedAtUtc.Should().Be(now);
        ticket.NextDueUtc.Should().BeNull();
        ticket.History[^1].Reason.Should().Be("Duplicado del ticket 2026-000010.");
    }
}
