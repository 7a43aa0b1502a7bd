using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Escalation;

/// <summary>An escalation may hand the ticket directly to someone of the next level (a drop on their column on the board).</summary>
public class EscalatingToAPersonTests
{
    [Theory]
    [InlineData(SupportLevel.Nivel1, Person.OtherSpecialist)]
    [InlineData(SupportLevel.Nivel2, Person.VendorColleague)]
    [InlineData(SupportLevel.Nivel3, Person.OtherSupervisor)]
    [InlineData(SupportLevel.Nivel4, Person.OtherSupervisor)]
    public void The_ticket_goes_in_process_to_the_person_named_and_the_history_says_so(SupportLevel from, Person person)
    {
        var builder = new TicketBuilder().AtLevel(from);
        var ticket = builder.InState(TicketState.EnProceso);
        var assignee = Actors.Of(person);
        var escalator = Actors.EscalatorFrom(from);
        var criterion = EscalationMatrix.CriteriaFor(from, from + 1)[0].Code;
        var now = builder.Tick();

        ticket.Escalate(escalator, criterion, "Requiere el siguiente nivel.", Actors.VendorCompany, now, assignee);

        (ticket.Level, ticket.State, ticket.AssigneeId, ticket.AssigneeName)
            .Should().Be((from + 1, TicketState.EnProceso, assignee.UserId, assignee.Name));
        var entry = ticket.History[^1];
        (entry.Action, entry.ActorId, entry.AtUtc).Should().Be((TicketAction.Escalar, escalator.UserId, now));
        (entry.FromLevel, entry.ToLevel).Should().Be((from, from + 1));
        (entry.FromState, entry.ToState).Should().Be((TicketState.EnProceso, TicketState.EnProceso));
        (entry.FromAssignee, entry.ToAssignee).Should().Be((Actors.WorkerAt(from).Name, assignee.Name));
        entry.CriterionCode.Should().Be(criterion);
    }

    [Fact]
    public void Escalating_to_a_vendor_user_sets_the_company_on_the_ticket()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Escalate(Actors.Specialist, "N2-INFRAESTRUCTURA", "Equipo en garantía.", Actors.OtherVendorCompany, builder.Tick(), Actors.OtherVendor);

        (ticket.VendorCompanyId, ticket.AssigneeId).Should().Be((Actors.OtherVendorCompany.Id, Actors.OtherVendor.UserId));
        ticket.History[^1].ToAssignee.Should().Be(Actors.OtherVendor.Name);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1, Person.OtherTechnician)] // same level: that is a reassignment
    [InlineData(SupportLevel.Nivel1, Person.Vendor)]
    [InlineData(SupportLevel.Nivel1, Person.Supervisor)]
    [InlineData(SupportLevel.Nivel1, Person.Requester)]
    [InlineData(SupportLevel.Nivel2, Person.OtherVendor)]      // a user of another company than the one named
    [InlineData(SupportLevel.Nivel2, Person.VendorWithoutCompany)]
    [InlineData(SupportLevel.Nivel2, Person.OtherSpecialist)]
    [InlineData(SupportLevel.Nivel3, Person.Specialist)]
    public void Handing_it_to_someone_who_does_not_work_at_the_next_level_is_refused(SupportLevel from, Person person)
    {
        var builder = new TicketBuilder().AtLevel(from);
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);
        var assignee = Actors.Of(person);

        var act = () => ticket.Escalate(Actors.EscalatorFrom(from), EscalationMatrix.CriteriaFor(from, from + 1)[0].Code, "Requiere el siguiente nivel.",
            Actors.VendorCompany, builder.Tick(), assignee);

        act.Should().Throw<DomainException>().WithMessage($"{assignee.Name} no atiende tickets de {(from + 1).Label()}.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(TicketState.EnCola)]
    [InlineData(TicketState.EnProceso)]
    public void The_system_escalates_without_naming_anyone_and_the_ticket_waits_in_the_next_queue(TicketState state)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(state);

        ticket.Escalate(Actor.System, EscalationMatrix.NoProgressCriterionCode, "Se superó el tiempo de resolución.", null, builder.Tick());

        (ticket.Level, ticket.State, ticket.AssigneeId).Should().Be((SupportLevel.Nivel2, TicketState.EnCola, (string?)null));
        (ticket.History[^1].ActorName, ticket.History[^1].ToAssignee).Should().Be(("Sistema", (string?)null));
    }
}
