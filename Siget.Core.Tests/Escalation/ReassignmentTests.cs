using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Escalation;

public class ReassignmentTests
{
    [Theory]
    [InlineData(SupportLevel.Nivel1, Person.Specialist)]
    [InlineData(SupportLevel.Nivel1, Person.Supervisor)]
    [InlineData(SupportLevel.Nivel1, Person.Requester)]
    [InlineData(SupportLevel.Nivel2, Person.Technician)]
    [InlineData(SupportLevel.Nivel2, Person.Vendor)]
    [InlineData(SupportLevel.Nivel3, Person.Specialist)]
    [InlineData(SupportLevel.Nivel3, Person.OtherVendor)]
    [InlineData(SupportLevel.Nivel3, Person.VendorWithoutCompany)]
    [InlineData(SupportLevel.Nivel4, Person.Specialist)]
    public void Reassigning_to_someone_who_does_not_work_at_the_tickets_level_is_refused(SupportLevel level, Person target)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);
        var assignee = Actors.Of(target);

        var act = () => ticket.Reassign(Actors.Supervisor, assignee, null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage($"{assignee.Name} no atiende tickets de {level.Label()}; para cambiar de nivel use Escalar.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1)]
    [InlineData(SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel3)]
    [InlineData(SupportLevel.Nivel4)]
    [InlineData(SupportLevel.DireccionEjecutiva)]
    public void Reassigning_within_a_level_changes_the_assignee_but_not_the_level(SupportLevel level)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(TicketState.EnProceso);
        var colleague = Actors.ColleagueAt(level);
        var now = builder.Tick();

        ticket.Reassign(Actors.Supervisor, colleague, "Redistribución de carga.", now);

        (ticket.AssigneeId, ticket.AssigneeName).Should().Be((colleague.UserId, colleague.Name));
        (ticket.Level, ticket.State).Should().Be((level, TicketState.EnProceso));
        var entry = ticket.History[^1];
        (entry.Action, entry.FromAssignee, entry.ToAssignee, entry.Reason)
            .Should().Be((TicketAction.Reasignar, Actors.WorkerAt(level).Name, colleague.Name, "Redistribución de carga."));
    }

    /// <summary>Handing out someone else's ticket, or one still in the queue, is the supervisor's act (issue 16 item 29):
    /// the people of the level hand over only their own.</summary>
    [Theory]
    [InlineData(SupportLevel.Nivel1, TicketState.EnProceso, Person.OtherTechnician, Person.OtherTechnician)] // to themselves
    [InlineData(SupportLevel.Nivel1, TicketState.EnProceso, Person.OtherTechnician, Person.Technician)]      // a no-op in disguise
    [InlineData(SupportLevel.Nivel1, TicketState.EnCola, Person.Technician, Person.OtherTechnician)]         // from the queue to a colleague
    [InlineData(SupportLevel.Nivel2, TicketState.EnProceso, Person.OtherSpecialist, Person.OtherSpecialist)]
    [InlineData(SupportLevel.Nivel2, TicketState.EnCola, Person.Specialist, Person.OtherSpecialist)]
    [InlineData(SupportLevel.Nivel3, TicketState.EnProceso, Person.VendorColleague, Person.VendorColleague)]
    [InlineData(SupportLevel.Nivel3, TicketState.EnCola, Person.Vendor, Person.VendorColleague)]
    public void Staff_of_the_level_cannot_hand_out_a_ticket_they_do_not_hold(SupportLevel level, TicketState state, Person who, Person to)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(state);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Reassign(Actors.Of(who), Actors.Of(to), null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("No tiene permiso para reasignar este ticket.");
        TicketSnapshot.Of(ticket).Should().Be(before);
        ticket.AllowedActions(Actors.Of(who)).Should().NotContain(TicketAction.Reasignar);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel1)]
    [InlineData(SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel3)]
    public void Whoever_holds_a_ticket_hands_it_over_to_a_colleague_of_the_level(SupportLevel level)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(TicketState.EnProceso);
        var (holder, colleague) = (Actors.WorkerAt(level), Actors.ColleagueAt(level));

        ticket.Reassign(holder, colleague, "Cambio de turno.", builder.Tick());

        (ticket.AssigneeId, ticket.State).Should().Be((colleague.UserId, TicketState.EnProceso));
        (ticket.History[^1].ActorId, ticket.History[^1].FromAssignee, ticket.History[^1].ToAssignee).Should().Be((holder.UserId, holder.Name, colleague.Name));
    }

    [Fact]
    public void Reassigning_to_the_person_who_already_holds_it_is_refused()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Reassign(Actors.Supervisor, Actors.Technician, null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage($"El ticket ya está asignado a {Actors.Technician.Name}.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_reassignment_note_is_optional(string? note)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Reassign(Actors.Technician, Actors.OtherTechnician, note, builder.Tick());

        ticket.AssigneeId.Should().Be(Actors.OtherTechnician.UserId);
        ticket.History[^1].Reason.Should().BeNull();
    }

    [Fact]
    public void A_reassignment_note_longer_than_the_limit_is_refused()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        var act = () => ticket.Reassign(Actors.Technician, Actors.OtherTechnician, new string('x', TicketLimits.ReasonMaxLength + 1), builder.Tick());

        act.Should().Throw<DomainException>().WithMessage($"Escriba como máximo {TicketLimits.ReasonMaxLength} caracteres en la nota.");
        ticket.AssigneeId.Should().Be(Actors.Technician.UserId);
    }

    [Fact]
    public void Assigning_a_queued_ticket_puts_it_in_process_and_counts_as_first_response()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnCola);
        var now = builder.Tick();

        ticket.Reassign(Actors.Supervisor, Actors.OtherTechnician, "Asignado por la jefatura.", now);

        (ticket.State, ticket.AssigneeId).Should().Be((TicketState.EnProceso, Actors.OtherTechnician.UserId));
        ticket.FirstResponseAtUtc.Should().Be(now);
        ticket.NextDueUtc.Should().Be(ticket.ResolutionDueUtc);
        (ticket.History[^1].FromState, ticket.History[^1].ToState).Should().Be((TicketState.EnCola, TicketState.EnProceso));
    }

    [Fact]
    public void A_vendor_user_passes_the_ticket_to_a_colleague_of_the_same_company()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel3);
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Reassign(Actors.Vendor, Actors.VendorColleague, null, builder.Tick());

        ticket.AssigneeId.Should().Be(Actors.VendorColleague.UserId);
        ticket.VendorCompanyId.Should().Be(Actors.VendorCompany.Id);
    }
}
