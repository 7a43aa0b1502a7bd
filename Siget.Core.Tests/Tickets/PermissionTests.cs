using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class PermissionTests
{
    private static readonly DateTime Later = TicketBuilder.Start.AddHours(2);

    private static void ShouldBeRefused(Action act, Ticket ticket, string verb)
    {
        var before = TicketSnapshot.Of(ticket);
        act.Should().Throw<DomainException>().WithMessage($"No tiene permiso para {verb} este ticket*");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(TicketState.EnCola)]
    [InlineData(TicketState.EnProceso)]
    [InlineData(TicketState.Resuelto)]
    public void A_technician_cannot_cancel_a_ticket_not_even_their_own(TicketState state)
    {
        var ticket = new TicketBuilder().InState(state);
        ShouldBeRefused(() => ticket.Cancel(Actors.Technician, "Duplicado", Later), ticket, "anular");
    }

    [Theory]
    [InlineData(Person.Technician)]      // who resolved it
    [InlineData(Person.Supervisor)]
    [InlineData(Person.OtherRequester)]
    [InlineData(Person.Administrator)]
    public void Only_the_requester_may_finalize_a_resolved_ticket(Person person)
    {
        var ticket = new TicketBuilder().InState(TicketState.Resuelto);
        ShouldBeRefused(() => ticket.Finalize(Actors.Of(person), Later, new Satisfaction(5, null)), ticket, "finalizar");

        ticket.Finalize(Actors.Requester, Later, new Satisfaction(5, null));
        ticket.State.Should().Be(TicketState.Finalizado);
        ticket.ClosedAtUtc.Should().Be(Later);
    }

    [Fact]
    public void A_requester_who_is_UTI_staff_finalizes_their_own_ticket()
    {
        var ticket = new TicketBuilder().For(Actors.OtherTechnician).InState(TicketState.Resuelto);
        ticket.Finalize(Actors.OtherTechnician, Later, new Satisfaction(5, null));
        ticket.State.Should().Be(TicketState.Finalizado);
    }

    [Theory]
    [InlineData(Person.OtherVendor)]
    [InlineData(Person.VendorWithoutCompany)]
    [InlineData(Person.Specialist)]
    [InlineData(Person.Technician)]
    public void Only_users_of_the_vendor_company_or_a_supervisor_take_a_level_3_ticket(Person person)
    {
        var ticket = new TicketBuilder().AtLevel(SupportLevel.Nivel3).InState(TicketState.EnCola);
        ShouldBeRefused(() => ticket.Take(Actors.Of(person), Later), ticket, "tomar");

        ticket.Take(Actors.Vendor, Later);
        ticket.AssigneeId.Should().Be(Actors.Vendor.UserId);
    }

    [Fact]
    public void A_vendor_of_the_other_company_takes_the_tickets_escalated_to_that_company()
    {
        var ticket = new TicketBuilder().AtLevel(SupportLevel.Nivel3).EscalatedTo(Actors.OtherVendorCompany).InState(TicketState.EnCola);
        ShouldBeRefused(() => ticket.Take(Actors.Vendor, Later), ticket, "tomar");

        ticket.Take(Actors.OtherVendor, Later);
        ticket.AssigneeId.Should().Be(Actors.OtherVendor.UserId);
    }

    [Theory]
    [InlineData(SupportLevel.Nivel2, Person.Technician)]
    [InlineData(SupportLevel.Nivel2, Person.Vendor)]
    [InlineData(SupportLevel.Nivel1, Person.Specialist)]
    [InlineData(SupportLevel.Nivel1, Person.Vendor)]
    [InlineData(SupportLevel.Nivel4, Person.Specialist)]
    [InlineData(SupportLevel.DireccionEjecutiva, Person.Specialist)]
    public void Staff_take_only_tickets_of_the_level_they_work_at(SupportLevel level, Person person)
    {
        var ticket = new TicketBuilder().AtLevel(level).InState(TicketState.EnCola);
        ShouldBeRefused(() => ticket.Take(Actors.Of(person), Later), ticket, "tomar");
    }

    [Theory]
    [InlineData(Person.Requester)]
    [InlineData(Person.Administrator)]
    [InlineData(Person.System)]
    public void People_who_do_not_work_tickets_cannot_take_one(Person person)
    {
        var ticket = new TicketBuilder().InState(TicketState.EnCola);
        ShouldBeRefused(() => ticket.Take(Actors.Of(person), Later), ticket, "tomar");
    }

    [Theory]
    [InlineData(Person.OtherTechnician)]
    [InlineData(Person.Specialist)]
    [InlineData(Person.Requester)]
    public void Only_the_assignee_or_a_supervisor_resolves(Person person)
    {
        var ticket = new TicketBuilder().InState(TicketState.EnProceso);
        ShouldBeRefused(() => ticket.Resolve(Actors.Of(person), "Listo", Later), ticket, "resolver");
    }

    [Theory]
    [InlineData(Person.OtherRequester)]
    [InlineData(Person.Technician)]
    [InlineData(Person.Administrator)]
    [InlineData(Person.System)]
    public void Only_the_requester_or_a_supervisor_reopens(Person person)
    {
        var ticket = new TicketBuilder().InState(TicketState.Resuelto);
        ShouldBeRefused(() => ticket.Reopen(Actors.Of(person), "No funciona", Later), ticket, "reabrir");
    }

    [Fact]
    public void The_vendor_holding_a_ticket_cannot_escalate_it()
    {
        var ticket = new TicketBuilder().AtLevel(SupportLevel.Nivel3).InState(TicketState.EnProceso);
        ShouldBeRefused(() => ticket.Escalate(Actors.Vendor, "N4-DECISION", "Necesita una decisión de la jefatura", null, Later), ticket, "escalar");
    }

    [Fact]
    public void The_refusal_names_the_action_refused()
    {
        var ticket = new TicketBuilder().InState(TicketState.Resuelto);
        var act = () => ticket.Finalize(Actors.Technician, Later, new Satisfaction(5, null));
        act.Should().Throw<DomainException>().WithMessage("No tiene permiso para finalizar este ticket.");
    }
}
