using Siget.Core.Escalation;
using Siget.Core.Problems;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Problems;

public class LinkedIncidentsTests
{
    private static (Problem Problem, TicketBuilder Builder) Resolved(params Ticket[] incidents)
    {
        var builder = new TicketBuilder();
        var problem = ProblemLifecycleTests.Open();
        foreach (var incident in incidents) problem.Link(Actors.Specialist, incident, builder.Tick());
        problem.Resolve(Actors.Supervisor, "Enlace saturado.", "Se amplió el ancho de banda.", builder.Tick());
        return (problem, builder);
    }

    [Fact]
    public void The_supervisor_may_resolve_any_open_incident_taking_first_those_waiting_in_a_queue()
    {
        var inQueue = new TicketBuilder().Registered();
        var inProgress = new TicketBuilder().AtLevel(SupportLevel.Nivel2).InState(TicketState.EnProceso);
        var (problem, builder) = Resolved(inQueue, inProgress);

        LinkedIncidents.StepFor(Actors.Supervisor, inQueue).Should().Be(LinkedIncidentStep.TakeThenResolve);
        LinkedIncidents.StepFor(Actors.Supervisor, inProgress).Should().Be(LinkedIncidentStep.Resolve);

        LinkedIncidents.Resolve(Actors.Supervisor, problem, inQueue, builder.Tick());

        inQueue.State.Should().Be(TicketState.Resuelto);
        inQueue.AssigneeName.Should().Be("Carmen Quispe");
        inQueue.Solution.Should().Be("Resuelto con la solución del problema PRB-2026-0007: Se amplió el ancho de banda.");
        inQueue.History.TakeLast(2).Select(h => h.Action).Should().Equal(TicketAction.Tomar, TicketAction.Resolver);
    }

    [Fact]
    public void A_specialist_cannot_resolve_a_level_one_incident_or_one_a_colleague_holds()
    {
        var levelOne = new TicketBuilder().Registered();
        var colleagues = new TicketBuilder().AtLevel(SupportLevel.Nivel2).Registered();
        colleagues.Take(Actors.OtherSpecialist, TicketBuilder.Start.AddHours(1));
        var own = new TicketBuilder().AtLevel(SupportLevel.Nivel2).InState(TicketState.EnProceso); // taken by Rosa Paredes
        var (problem, builder) = Resolved(levelOne, colleagues, own);

        LinkedIncidents.StepFor(Actors.Specialist, levelOne).Should().Be(LinkedIncidentStep.Cannot);
        LinkedIncidents.StepFor(Actors.Specialist, colleagues).Should().Be(LinkedIncidentStep.Cannot);
        LinkedIncidents.WhyNot(colleagues).Should().Be("Lo atiende Jorge Salas en Nivel 2 · Especialistas de TI; lo resuelve quien lo tiene.");
        LinkedIncidents.StepFor(Actors.Specialist, own).Should().Be(LinkedIncidentStep.Resolve);

        var refused = () => LinkedIncidents.Resolve(Actors.Specialist, problem, colleagues, builder.Tick());
        refused.Should().Throw<DomainException>().WithMessage($"No puede resolver el ticket {colleagues.Number}: Lo atiende Jorge Salas*");
        colleagues.State.Should().Be(TicketState.EnProceso);
    }

    [Fact]
    public void Closed_incidents_and_incidents_of_another_problem_are_not_resolved()
    {
        var finished = new TicketBuilder().InState(TicketState.Finalizado);
        var (problem, builder) = Resolved(finished);
        var elsewhere = new TicketBuilder().Registered();

        LinkedIncidents.StepFor(Actors.Supervisor, finished).Should().Be(LinkedIncidentStep.Cannot);
        FluentActions.Invoking(() => LinkedIncidents.Resolve(Actors.Supervisor, problem, elsewhere, builder.Tick()))
            .Should().Throw<DomainException>().WithMessage($"El ticket {elsewhere.Number} no está vinculado al problema PRB-2026-0007.");
    }

    [Fact]
    public void A_long_solution_is_cut_to_what_a_ticket_holds()
    {
        var incident = new TicketBuilder().Registered();
        var builder = new TicketBuilder();
        var problem = ProblemLifecycleTests.Open();
        problem.Link(Actors.Supervisor, incident, builder.Tick());
        problem.Resolve(Actors.Supervisor, "Causa", new string('s', ProblemLimits.AnalysisMaxLength), builder.Tick());

        LinkedIncidents.SolutionFor(problem).Length.Should().Be(TicketLimits.SolutionMaxLength);
        LinkedIncidents.Resolve(Actors.Supervisor, problem, incident, builder.Tick());
        incident.Solution.Should().StartWith("Resuelto con la solución del problema PRB-2026-0007: sss").And.EndWith("…");
    }
}
