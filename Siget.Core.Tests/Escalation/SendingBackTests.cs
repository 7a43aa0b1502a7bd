using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Escalation;

/// <summary>Devolver: the head of UTI sends a ticket down to a lower level, with a reason.</summary>
public class SendingBackTests
{
    private const string Reason = "Es un cambio de tóner; lo atiende soporte técnico.";

    public static TheoryData<SupportLevel, SupportLevel> EveryWayDown()
    {
        var data = new TheoryData<SupportLevel, SupportLevel>();
        foreach (var from in Enum.GetValues<SupportLevel>())
            foreach (var to in Enum.GetValues<SupportLevel>())
                if (to < from) data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryWayDown))]
    public void A_supervisor_sends_a_ticket_down_to_any_lower_level_queue_and_the_history_says_why(SupportLevel from, SupportLevel to)
    {
        var builder = new TicketBuilder().AtLevel(from);
        var ticket = builder.InState(TicketState.EnProceso);
        var (version, entries) = (ticket.Version, ticket.History.Count);
        var (firstResponseDue, resolutionDue) = (ticket.FirstResponseDueUtc, ticket.ResolutionDueUtc);
        var now = builder.Tick();

        ticket.SendBack(Actors.Supervisor, to, $"  {Reason}  ", Actors.OtherVendorCompany, now);

        (ticket.Level, ticket.State, ticket.AssigneeId, ticket.AssigneeName)
            .Should().Be((to, TicketState.EnCola, (string?)null, (string?)null));
        ticket.Version.Should().Be(version + 1);
        ticket.History.Should().HaveCount(entries + 1);
        var entry = ticket.History[^1];
        entry.Action.Should().Be(TicketAction.Devolver);
        (entry.ActorId, entry.ActorName, entry.AtUtc).Should().Be((Actors.Supervisor.UserId, Actors.Supervisor.Name, now));
        (entry.FromLevel, entry.ToLevel).Should().Be((from, to));
        (entry.FromState, entry.ToState).Should().Be((TicketState.EnProceso, TicketState.EnCola));
        entry.FromAssignee.Should().Be(Actors.WorkerAt(from).Name);
        entry.Reason.Should().Be(Reason);
        entry.CriterionCode.Should().BeNull("criteria are for escalating, not for sending back");
        (ticket.FirstResponseDueUtc, ticket.ResolutionDueUtc).Should().Be((firstResponseDue, resolutionDue), "sending back does not restart the SLA");
    }

    [Fact]
    public void Sending_a_ticket_back_to_level_3_hands_it_to_the_vendor_company_named()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel4); // went through level 3 with VendorCompany
        var ticket = builder.InState(TicketState.EnCola);

        ticket.SendBack(Actors.Supervisor, SupportLevel.Nivel3, Reason, Actors.OtherVendorCompany, builder.Tick());

        ticket.Level.Should().Be(SupportLevel.Nivel3);
        (ticket.VendorCompanyId, ticket.VendorCompanyName).Should().Be((Actors.OtherVendorCompany.Id, Actors.OtherVendorCompany.Name));
        ticket.History[^1].ToAssignee.Should().Be(Actors.OtherVendorCompany.Name);
        ticket.AllowedActions(Actors.OtherVendor).Should().Contain(TicketAction.Tomar);
        ticket.AllowedActions(Actors.Vendor).Should().NotContain(TicketAction.Tomar);
    }

    [Fact]
    public void Sending_a_ticket_back_to_level_3_without_a_vendor_company_is_refused()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel4);
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.SendBack(Actors.Supervisor, SupportLevel.Nivel3, Reason, null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Para devolver el ticket al Nivel 3 indique la empresa proveedora.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel2, SupportLevel.Nivel2)]
    [InlineData(SupportLevel.Nivel2, SupportLevel.Nivel3)]
    [InlineData(SupportLevel.Nivel3, SupportLevel.Nivel4)]
    [InlineData(SupportLevel.Nivel4, SupportLevel.Nivel4)]
    [InlineData(SupportLevel.Nivel4, SupportLevel.DireccionEjecutiva)]
    [InlineData(SupportLevel.DireccionEjecutiva, SupportLevel.DireccionEjecutiva)]
    [InlineData(SupportLevel.Nivel2, (SupportLevel)0)]
    [InlineData(SupportLevel.Nivel4, (SupportLevel)9)]
    public void Sending_back_to_the_same_a_higher_or_no_level_is_refused(SupportLevel from, SupportLevel to)
    {
        var builder = new TicketBuilder().AtLevel(from);
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.SendBack(Actors.Supervisor, to, Reason, Actors.VendorCompany, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage($"Para devolver el ticket elija un nivel inferior a {from.Label()}.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel2, Person.Technician)]
    [InlineData(SupportLevel.Nivel2, Person.Specialist)] // not even the specialist holding it
    [InlineData(SupportLevel.Nivel2, Person.OtherSpecialist)]
    [InlineData(SupportLevel.Nivel3, Person.Vendor)]
    [InlineData(SupportLevel.Nivel3, Person.Specialist)]
    [InlineData(SupportLevel.Nivel2, Person.Requester)]
    [InlineData(SupportLevel.Nivel2, Person.Administrator)]
    [InlineData(SupportLevel.Nivel2, Person.System)]
    public void Only_a_supervisor_sends_a_ticket_back(SupportLevel level, Person person)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.SendBack(Actors.Of(person), level - 1, Reason, Actors.VendorCompany, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("No tiene permiso para devolver este ticket.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Fact]
    public void A_level_1_ticket_has_nowhere_lower_to_go()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.AllowedActions(Actors.Supervisor).Should().NotContain(TicketAction.Devolver);
        var act = () => ticket.SendBack(Actors.Supervisor, SupportLevel.Nivel1, Reason, null, builder.Tick());
        act.Should().Throw<DomainException>();
        ticket.Level.Should().Be(SupportLevel.Nivel1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Sending_back_without_a_reason_is_refused(string? reason)
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.SendBack(Actors.Supervisor, SupportLevel.Nivel1, reason!, null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("Complete el motivo de la devolución.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(TicketState.Resuelto)]
    [InlineData(TicketState.Finalizado)]
    [InlineData(TicketState.Anulado)]
    public void A_ticket_that_is_not_open_cannot_be_sent_back(TicketState state)
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel2);
        var ticket = builder.InState(state);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.SendBack(Actors.Supervisor, SupportLevel.Nivel1, Reason, null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage($"No se puede devolver un ticket en estado {state.Label()}.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel2, SupportLevel.Nivel1, Person.OtherTechnician)]
    [InlineData(SupportLevel.Nivel4, SupportLevel.Nivel2, Person.OtherSpecialist)]
    [InlineData(SupportLevel.Nivel4, SupportLevel.Nivel3, Person.VendorColleague)]
    public void A_supervisor_may_hand_the_ticket_directly_to_someone_of_the_lower_level(SupportLevel from, SupportLevel to, Person person)
    {
        var builder = new TicketBuilder().AtLevel(from);
        var ticket = builder.InState(TicketState.EnProceso);
        var assignee = Actors.Of(person);

        ticket.SendBack(Actors.Supervisor, to, Reason, Actors.VendorCompany, builder.Tick(), assignee);

        (ticket.Level, ticket.State, ticket.AssigneeId, ticket.AssigneeName)
            .Should().Be((to, TicketState.EnProceso, assignee.UserId, assignee.Name));
        var entry = ticket.History[^1];
        (entry.Action, entry.FromLevel, entry.ToLevel).Should().Be((TicketAction.Devolver, from, to));
        (entry.FromAssignee, entry.ToAssignee).Should().Be((Actors.WorkerAt(from).Name, assignee.Name));
        entry.ToState.Should().Be(TicketState.EnProceso);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel2, SupportLevel.Nivel1, Person.Specialist)]
    [InlineData(SupportLevel.Nivel2, SupportLevel.Nivel1, Person.Supervisor)]
    [InlineData(SupportLevel.Nivel4, SupportLevel.Nivel2, Person.Technician)]
    [InlineData(SupportLevel.Nivel4, SupportLevel.Nivel3, Person.OtherVendor)] // a user of another company
    [InlineData(SupportLevel.Nivel4, SupportLevel.Nivel3, Person.VendorWithoutCompany)]
    [InlineData(SupportLevel.Nivel4, SupportLevel.Nivel3, Person.Specialist)]
    public void Handing_it_to_someone_who_does_not_work_at_the_lower_level_is_refused(SupportLevel from, SupportLevel to, Person person)
    {
        var builder = new TicketBuilder().AtLevel(from);
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);
        var assignee = Actors.Of(person);

        var act = () => ticket.SendBack(Actors.Supervisor, to, Reason, Actors.VendorCompany, builder.Tick(), assignee);

        act.Should().Throw<DomainException>().WithMessage($"{assignee.Name} no atiende tickets de {to.Label()}.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }
}
