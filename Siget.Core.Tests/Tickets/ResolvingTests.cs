using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class ResolvingTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Resolving_without_the_actions_taken_is_refused(string? actionsTaken)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Resolve(Actors.Technician, actionsTaken!, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Complete las acciones realizadas.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Fact]
    public void The_actions_taken_are_bounded()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        var act = () => ticket.Resolve(Actors.Technician, new string('x', TicketLimits.SolutionMaxLength + 1), builder.Tick());

        act.Should().Throw<DomainException>().WithMessage($"Escriba como máximo {TicketLimits.SolutionMaxLength} caracteres en las acciones realizadas.");
        ticket.State.Should().Be(TicketState.EnProceso);
        ticket.Resolve(Actors.Technician, new string('x', TicketLimits.SolutionMaxLength), builder.Tick());
        ticket.State.Should().Be(TicketState.Resuelto);
    }

    [Fact]
    public void Resolving_records_the_actions_taken_and_stops_the_clock()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var now = builder.Tick();

        ticket.Resolve(Actors.Technician, "  Se cambió el tóner.  ", now);

        ticket.State.Should().Be(TicketState.Resuelto);
        ticket.Solution.Should().Be("Se cambió el tóner.");
        ticket.ResolvedAtUtc.Should().Be(now);
        ticket.NextDueUtc.Should().BeNull();
        ticket.AssigneeId.Should().Be(Actors.Technician.UserId);
        ticket.History[^1].Reason.Should().Be("Se cambió el tóner.");
    }

    [Fact]
    public void A_supervisor_resolving_a_ticket_held_by_a_technician_leaves_the_technician_as_assignee()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Resolve(Actors.Supervisor, "Se reinició el servidor de impresión.", builder.Tick());

        ticket.State.Should().Be(TicketState.Resuelto);
        ticket.History[^1].ActorId.Should().Be(Actors.Supervisor.UserId);
        ticket.AssigneeId.Should().Be(Actors.Technician.UserId);
    }
}
