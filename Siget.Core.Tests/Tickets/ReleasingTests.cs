using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

/// <summary>Liberar: a ticket in process goes back to its level's queue, nobody assigned, for someone else to take.</summary>
public class ReleasingTests
{
    [Theory]
    [InlineData(SupportLevel.Nivel1, Person.Technician)]
    [InlineData(SupportLevel.Nivel1, Person.Supervisor)]
    [InlineData(SupportLevel.Nivel2, Person.Specialist)]
    [InlineData(SupportLevel.Nivel2, Person.OtherSupervisor)]
    [InlineData(SupportLevel.Nivel3, Person.Vendor)]
    [InlineData(SupportLevel.Nivel4, Person.Supervisor)]
    public void The_assignee_or_a_supervisor_puts_the_ticket_back_in_its_levels_queue(SupportLevel level, Person person)
    {
        var builder = new TicketBuilder().AtLevel(level);
        var ticket = builder.InState(TicketState.EnProceso);
        var holder = Actors.WorkerAt(level);
        var (version, entries, firstResponse, vendor) = (ticket.Version, ticket.History.Count, ticket.FirstResponseAtUtc, ticket.VendorCompanyId);
        var actor = Actors.Of(person);
        var now = builder.Tick();

        ticket.Release(actor, "  Sale de turno.  ", now);

        (ticket.State, ticket.Level, ticket.AssigneeId, ticket.AssigneeName)
            .Should().Be((TicketState.EnCola, level, (string?)null, (string?)null));
        ticket.VendorCompanyId.Should().Be(vendor, "a level-3 ticket stays with its vendor company");
        ticket.FirstResponseAtUtc.Should().Be(firstResponse, "releasing does not undo the first response");
        (ticket.Version, ticket.UpdatedAtUtc).Should().Be((version + 1, now));
        ticket.History.Should().HaveCount(entries + 1);
        var entry = ticket.History[^1];
        entry.Action.Should().Be(TicketAction.Liberar);
        (entry.ActorId, entry.ActorName, entry.AtUtc).Should().Be((actor.UserId, actor.Name, now));
        (entry.FromState, entry.ToState).Should().Be((TicketState.EnProceso, TicketState.EnCola));
        (entry.FromAssignee, entry.ToAssignee).Should().Be((holder.Name, (string?)null));
        (entry.FromLevel, entry.ToLevel, entry.CriterionCode).Should().Be(((SupportLevel?)null, (SupportLevel?)null, (string?)null));
        entry.Reason.Should().Be("Sale de turno.");
    }

    [Fact]
    public void A_released_ticket_can_be_taken_by_a_colleague()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        ticket.Release(Actors.Technician, null, builder.Tick());

        ticket.Take(Actors.OtherTechnician, builder.Tick());

        (ticket.State, ticket.AssigneeId).Should().Be((TicketState.EnProceso, Actors.OtherTechnician.UserId));
    }

    [Theory]
    [InlineData(Person.OtherTechnician)]
    [InlineData(Person.Specialist)]
    [InlineData(Person.Requester)]
    [InlineData(Person.Administrator)]
    [InlineData(Person.System)]
    public void Nobody_else_may_release_a_ticket_held_by_a_technician(Person person)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Release(Actors.Of(person), null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage("No tiene permiso para liberar este ticket.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(TicketState.EnCola, "No se puede liberar un ticket en estado En cola.")]
    [InlineData(TicketState.Resuelto, "No se puede liberar un ticket en estado Resuelto.")]
    [InlineData(TicketState.Finalizado, "No se puede liberar un ticket en estado Finalizado.")]
    [InlineData(TicketState.Anulado, "No se puede liberar un ticket en estado Anulado.")]
    public void Only_a_ticket_in_process_can_be_released(TicketState state, string message)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(state);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Release(Actors.Supervisor, null, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage(message);
        TicketSnapshot.Of(ticket).Should().Be(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_release_note_is_optional(string? note)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Release(Actors.Technician, note, builder.Tick());

        ticket.State.Should().Be(TicketState.EnCola);
        ticket.History[^1].Reason.Should().BeNull();
    }

    [Fact]
    public void A_release_note_longer_than_the_limit_is_refused()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Release(Actors.Technician, new string('x', TicketLimits.ReasonMaxLength + 1), builder.Tick());

        act.Should().Throw<DomainException>().WithMessage($"Escriba como máximo {TicketLimits.ReasonMaxLength} caracteres en la nota.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }
}
