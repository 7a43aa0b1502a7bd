using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

/// <summary>The requester reads what happened to their ticket, not the team's internal reasons.</summary>
public class RequesterTimelineTests
{
    [Fact]
    public void The_requester_sees_every_step_but_not_the_reasons_of_escalations_or_reassignments()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        ticket.Reassign(Actors.Supervisor, Actors.OtherTechnician, "Luis está sobrecargado.", builder.Tick());
        ticket.Escalate(Actors.OtherTechnician, "N1-RECURSOS", "No tenemos el repuesto del fusor.", null, builder.Tick());

        var forRequester = ticket.HistoryVisibleTo(Actors.Requester);
        var forStaff = ticket.HistoryVisibleTo(Actors.Technician);

        forRequester.Select(h => h.Action).Should().Equal(ticket.History.Select(h => h.Action));
        var escalation = forRequester.Single(h => h.Action == TicketAction.Escalar);
        (escalation.Reason, escalation.CriterionCode, escalation.ToLevel).Should().Be(((string?)null, (string?)null, SupportLevel.Nivel2));
        forRequester.Single(h => h.Action == TicketAction.Reasignar).Reason.Should().BeNull();
        forStaff.Single(h => h.Action == TicketAction.Escalar).Reason.Should().Be("No tenemos el repuesto del fusor.");
        ticket.History.Single(h => h.Action == TicketAction.Escalar).Reason.Should().Be("No tenemos el repuesto del fusor.", "the record itself is untouched");
    }

    [Fact]
    public void The_requester_reads_the_solution_and_their_own_reopening_reason()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        ticket.Reopen(Actors.Requester, "Sigue atascándose.", builder.Tick());

        var forRequester = ticket.HistoryVisibleTo(Actors.Requester);

        forRequester.Single(h => h.Action == TicketAction.Resolver).Reason.Should().Be(TicketBuilder.Solution);
        forRequester.Single(h => h.Action == TicketAction.Reabrir).Reason.Should().Be("Sigue atascándose.");
    }
}
