using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Problems;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Problems;

public class ProblemLinkTests
{
    [Fact]
    public void Linking_writes_one_entry_on_the_problem_and_one_on_the_incident_without_moving_its_lifecycle()
    {
        var builder = new TicketBuilder();
        var incident = builder.InState(TicketState.EnProceso);
        var problem = ProblemLifecycleTests.Open();
        var (version, state, assignee, entries) = (incident.Version, incident.State, incident.AssigneeName, incident.History.Count);
        var at = builder.Tick();

        problem.Link(Actors.Technician, incident, at);

        incident.ProblemNumber.Should().Be("PRB-2026-0007");
        incident.State.Should().Be(state);
        incident.AssigneeName.Should().Be(assignee);
        incident.Version.Should().Be(version + 1);
        incident.History.Should().HaveCount(entries + 1);
        incident.History[^1].Should().BeEquivalentTo(new
        {
            Action = TicketAction.VincularProblema, AtUtc = at, ActorName = "Luis Mendoza",
            FromState = (TicketState?)state, ToState = (TicketState?)state, Reason = "PRB-2026-0007 · Lentitud de internet en varias sedes",
        });
        problem.History[^1].Should().BeEquivalentTo(new
        {
            Action = ProblemAction.VincularIncidente, AtUtc = at, TicketNumber = incident.Number, Reason = incident.Subject,
        });
    }

    [Fact]
    public void Unlinking_also_writes_both_sides_and_frees_the_incident_for_another_problem()
    {
        var builder = new TicketBuilder();
        var incident = builder.Registered();
        var problem = ProblemLifecycleTests.Open();
        problem.Link(Actors.Specialist, incident, builder.Tick());

        problem.Unlink(Actors.Specialist, incident, "No tiene la misma causa.", builder.Tick());

        incident.ProblemNumber.Should().BeNull();
        incident.ProblemId.Should().BeNull();
        incident.History[^1].Action.Should().Be(TicketAction.DesvincularProblema);
        incident.History[^1].Reason.Should().Be("PRB-2026-0007 · No tiene la misma causa.");
        problem.History[^1].Should().BeEquivalentTo(new { Action = ProblemAction.DesvincularIncidente, TicketNumber = incident.Number, Reason = "No tiene la misma causa." });
        var again = () => problem.Unlink(Actors.Specialist, incident, null, builder.Tick());
        again.Should().Throw<DomainException>().WithMessage($"El ticket {incident.Number} no está vinculado a este problema.");
    }

    [Fact]
    public void Requests_cancelled_tickets_and_already_linked_incidents_are_refused_with_a_reason()
    {
        var problem = ProblemLifecycleTests.Open();
        var request = new TicketBuilder().OfKind(TicketKind.Peticion).Registered();
        var cancelled = new TicketBuilder().InState(TicketState.Anulado);
        var linked = new TicketBuilder().Registered();
        Problem.Register(2026, 9, "Otro", "Otro problema", 15, null, null, Actors.Supervisor, TicketBuilder.Start).Link(Actors.Supervisor, linked, TicketBuilder.Start);

        FluentActions.Invoking(() => problem.Link(Actors.Supervisor, request, TicketBuilder.Start)).Should().Throw<DomainException>()
            .WithMessage($"El ticket {request.Number} es una petición; a un problema se vinculan incidentes.");
        FluentActions.Invoking(() => problem.Link(Actors.Supervisor, cancelled, TicketBuilder.Start)).Should().Throw<DomainException>()
            .WithMessage($"El ticket {cancelled.Number} está anulado; no se vincula a un problema.");
        FluentActions.Invoking(() => problem.Link(Actors.Supervisor, linked, TicketBuilder.Start)).Should().Throw<DomainException>()
            .WithMessage($"El ticket {linked.Number} ya está vinculado al problema PRB-2026-0009; desvincúlelo antes.");
        problem.History.Should().HaveCount(1, "nothing was linked");
    }

    [Theory]
    [InlineData(Person.Requester)]
    [InlineData(Person.Vendor)]
    [InlineData(Person.Administrator)]
    public void People_outside_the_uti_teams_do_not_link(Person person)
    {
        var problem = ProblemLifecycleTests.Open();
        var incident = new TicketBuilder().Registered();
        FluentActions.Invoking(() => problem.Link(Actors.Of(person), incident, TicketBuilder.Start)).Should().Throw<DomainException>();
        incident.ProblemNumber.Should().BeNull();
    }

    [Fact]
    public void The_requester_sees_that_the_ticket_was_linked_but_not_the_internal_problem_title()
    {
        var incident = new TicketBuilder().Registered();
        ProblemLifecycleTests.Open().Link(Actors.Technician, incident, TicketBuilder.Start.AddMinutes(1));

        var seen = incident.HistoryVisibleTo(Actors.Requester)[^1];
        seen.Action.Should().Be(TicketAction.VincularProblema);
        seen.Reason.Should().BeNull();
    }
}
