using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

/// <summary>
/// A cancelled ticket as its requester sees it (issue 16 item 31): the reason is internal; the requester reads the
/// message the supervisor wrote for them, or a neutral sentence when there is none.
/// </summary>
public class CancellationForTheRequesterTests
{
    private const string Reason = "Duplicado del 2026-000010; el usuario insiste por teléfono.";
    private const string Message = "Ya atendemos su pedido en el ticket 2026-000010.";

    [Theory]
    [InlineData(TicketState.EnCola)]
    [InlineData(TicketState.EnProceso)]
    [InlineData(TicketState.Resuelto)]
    public void The_requester_reads_the_message_written_for_them_and_never_the_internal_reason(TicketState from)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(from);

        ticket.Cancel(Actors.Supervisor, Reason, builder.Tick(), $"  {Message}  ");

        var entry = ticket.History[^1];
        (entry.Reason, entry.RequesterNote).Should().Be((Reason, Message));
        var seen = ticket.HistoryVisibleTo(Actors.Requester)[^1];
        (seen.Action, seen.Reason, seen.RequesterNote).Should().Be((TicketAction.Anular, (string?)null, Message));
        ticket.CancellationNoticeForRequester.Should().Be(Message);
        ticket.HistoryVisibleTo(Actors.Supervisor)[^1].Should().BeSameAs(entry, "staff read both");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_a_message_the_requester_reads_a_neutral_sentence(string? message)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);

        ticket.Cancel(Actors.Supervisor, Reason, builder.Tick(), message);

        ticket.History[^1].RequesterNote.Should().BeNull();
        ticket.CancellationNoticeForRequester.Should().Be(RequesterWording.NeutralCancellationNote);
        ticket.HistoryVisibleTo(Actors.Requester)[^1].Reason.Should().BeNull();
    }

    [Fact]
    public void A_ticket_that_is_not_cancelled_has_nothing_to_tell_about_a_cancellation()
    {
        foreach (var state in new[] { TicketState.EnCola, TicketState.EnProceso, TicketState.Resuelto, TicketState.Finalizado })
            new TicketBuilder().InState(state).CancellationNoticeForRequester.Should().BeNull();
    }

    [Fact]
    public void A_message_longer_than_the_limit_is_refused_and_nothing_changes()
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(TicketState.EnProceso);
        var before = TicketSnapshot.Of(ticket);

        var act = () => ticket.Cancel(Actors.Supervisor, Reason, builder.Tick(), new string('x', TicketLimits.ReasonMaxLength + 1));

        act.Should().Throw<DomainException>()
            .WithMessage($"Escriba como máximo {TicketLimits.ReasonMaxLength} caracteres en el mensaje para el solicitante.");
        TicketSnapshot.Of(ticket).Should().Be(before);
    }
}
