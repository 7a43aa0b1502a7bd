using Siget.Core.Access;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

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
        ticket.History[^1].Reason.Should().Be("Calificación: 5 de 5", "the requester's rating is part of the closing");
    }

    [Fact]
    public void The_system_finalizes_a_resolved_ticket_the_requester_left_unanswered()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);

        ticket.Finalize(Actor.System, builder.Tick(), note: "Finalizado automáticamente: el usuario no respondió en 3 días hábiles desde la solución.");

        ticket.State.Should().Be(TicketState.Finalizado);
        ticket.SatisfactionRating.Should().BeNull("nobody rated it");
        ticket.History[^1].ActorName.Should().Be("Sistema");
        ticket.History[^1].Reason.Should().StartWith("Finalizado automáticamente");
    }

    [Fact]
    public void The_requester_closes_with_a_rating_and_a_comment_both_kept()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);

        ticket.Finalize(Actors.Requester, builder.Tick(), new Satisfaction(4, "  Rápido y amable.  "));

        (ticket.SatisfactionRating, ticket.SatisfactionComment).Should().Be((4, "Rápido y amable."));
        ticket.History[^1].Reason.Should().Be("Calificación: 4 de 5. Rápido y amable.");
    }

    [Theory]
    [InlineData(null, "Califique la atención de 1 a 5 estrellas.")]
    [InlineData(0, "La calificación va de 1 a 5 estrellas.")]
    [InlineData(6, "La calificación va de 1 a 5 estrellas.")]
    public void The_requester_cannot_close_without_a_rating_from_1_to_5(int? rating, string message)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.Resuelto);
        var version = ticket.Version;

        var act = () => ticket.Finalize(Actors.Requester, builder.Tick(), rating is int r ? new Satisfaction(r, null) : null);

        act.Should().Throw<DomainException>().WithMessage(message);
        (ticket.State, ticket.Version, ticket.SatisfactionRating).Should().Be((TicketState.Resuelto, version, (int?)null));
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
