using Siget.Core.Escalation;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class ConversationTests
{
    [Fact]
    public void A_first_public_reply_from_UTI_staff_is_the_first_response()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();
        var now = builder.Tick();

        var message = ticket.Reply(Actors.Technician, "  Estamos revisando su impresora.  ", isInternal: false, now);

        message.Body.Should().Be("Estamos revisando su impresora.");
        (message.AuthorId, message.Internal, message.AtUtc).Should().Be((Actors.Technician.UserId, false, now));
        ticket.FirstResponseAtUtc.Should().Be(now);
        ticket.NextDueUtc.Should().Be(ticket.ResolutionDueUtc);
        ticket.State.Should().Be(TicketState.EnCola);
    }

    [Fact]
    public void The_requesters_own_message_is_not_a_response()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();

        ticket.Reply(Actors.Requester, "¿Alguna novedad?", isInternal: false, builder.Tick());

        ticket.FirstResponseAtUtc.Should().BeNull();
        ticket.NextDueUtc.Should().Be(ticket.FirstResponseDueUtc);
    }

    [Fact]
    public void The_requester_cannot_write_internal_notes_and_another_user_cannot_reply()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Registered();

        var note = () => ticket.Reply(Actors.Requester, "nota", isInternal: true, builder.Tick());
        note.Should().Throw<DomainException>().WithMessage("Solo el personal de la UTI escribe notas internas.");
        var stranger = () => ticket.Reply(Actors.OtherRequester, "hola", isInternal: false, builder.Tick());
        stranger.Should().Throw<DomainException>().WithMessage("No puede responder en este ticket.");
    }

    [Fact]
    public void A_vendor_user_reads_internal_notes_only_while_holding_the_ticket()
    {
        var builder = new TicketBuilder().AtLevel(SupportLevel.Nivel3);
        var ticket = builder.InState(TicketState.EnCola);
        ticket.MayReadInternalNotes(Actors.Vendor).Should().BeFalse();

        ticket.Take(Actors.Vendor, builder.Tick());

        ticket.MayReadInternalNotes(Actors.Vendor).Should().BeTrue();
        ticket.MayReadInternalNotes(Actors.VendorColleague).Should().BeFalse();
        ticket.MayReadInternalNotes(Actors.Requester).Should().BeFalse();
        ticket.MayReadInternalNotes(Actors.Technician).Should().BeTrue();
    }

    [Fact]
    public void Only_the_vendor_company_of_a_level_3_ticket_replies_publicly_among_vendors()
    {
        var ticket = new TicketBuilder().AtLevel(SupportLevel.Nivel3).InState(TicketState.EnCola);

        ticket.MayReplyPublicly(Actors.VendorColleague).Should().BeTrue();
        ticket.MayReplyPublicly(Actors.OtherVendor).Should().BeFalse();
        ticket.MayReplyPublicly(Actors.VendorWithoutCompany).Should().BeFalse();
    }

    [Theory]
    [InlineData(TicketState.Finalizado, "El ticket está finalizado; ya no admite mensajes.")]
    [InlineData(TicketState.Anulado, "El ticket está anulado; ya no admite mensajes.")]
    public void A_closed_ticket_takes_no_more_messages(TicketState state, string message)
    {
        var builder = new TicketBuilder();
        var ticket = builder.InState(state);

        var act = () => ticket.Reply(Actors.Requester, "Una consulta más.", isInternal: false, builder.Tick());

        act.Should().Throw<DomainException>().WithMessage(message);
    }
}
