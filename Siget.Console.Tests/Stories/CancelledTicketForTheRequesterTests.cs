using Siget.Console.Data;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>
/// A cancelled ticket as the requester sees it (issue 16 item 31): the reason stays within the UTI; the requester (with
/// an account or a citizen with a code) reads the message written for them, or a neutral sentence, and no "where it is".
/// </summary>
[Collection(HelpDeskCollection.Name)]
public class CancelledTicketForTheRequesterTests(HelpDeskFixture f)
{
    private const string Reason = "Duplicado del ticket anterior; la usuaria llamó dos veces.";
    private const string Message = "Su pedido se atiende en el ticket que registró antes.";

    [Fact]
    public async Task The_message_for_the_requester_is_stored_with_the_cancellation_and_the_reason_stays_internal()
    {
        var ticket = await f.TakenAsync($"{HelpDeskFixture.NewTag()} anular con mensaje");
        var rows = (await f.HistoryAsync(ticket.Id)).Count;

        await f.Commands.CancelAsync(f.Supervisor, ticket.Id, ticket.Version, Reason, Message);

        var row = await f.SingleNewHistoryRowAsync(ticket.Id, rows);
        (row.Action, row.Reason, row.RequesterNote).Should().Be((TicketAction.Anular, Reason, Message));
        var seen = (await f.Queries.GetAsync(f.Requester, ticket.Number))!;
        seen.History[^1].Reason.Should().BeNull("the reason is internal");
        seen.History[^1].RequesterNote.Should().Be(Message);
        seen.Ticket.CancellationNoticeForRequester.Should().Be(Message);
        (await f.Queries.GetAsync(f.Supervisor, ticket.Number))!.History[^1].Reason.Should().Be(Reason);
    }

    [Fact]
    public async Task A_citizen_reads_why_their_ticket_was_cancelled_and_no_where_it_is()
    {
        var tambo = await f.App.AddUnitAsync($"Tambo {HelpDeskFixture.NewTag()}", servesCitizens: true, kind: UnitKind.Tambo);
        var (ticket, code) = await f.Registration.RegisterWithCodeAsync(f.Technician, new RegisterTicketRequest
        {
            Channel = Channel.Presencial, Kind = TicketKind.Peticion, SubcategoryCode = 15, Subject = "Constancia no se imprime",
            Description = "La impresora del Tambo no imprime la constancia.", Impact = OperatingImpact.Parcial, AlternativeAvailable = true,
            Citizen = new CitizenRequest { FullName = "Rosa Huamaní Quispe", Document = "45871236", UnitId = tambo.Id },
        });
        var lookup = f.App.Service<CitizenLookup>();
        (await lookup.FindAsync(ticket.Number, code))!.Where.Should().Be("En atención por soporte · esperando a un técnico");

        await f.Commands.CancelAsync(f.Supervisor, ticket.Id, ticket.Version, Reason);

        var view = (await lookup.FindAsync(ticket.Number, code))!;
        view.State.Should().Be(TicketState.Anulado);
        view.Where.Should().BeNull("a closed ticket is nowhere any more");
        view.CancellationNotice.Should().Be(RequesterWording.NeutralCancellationNote, "no message was written for them, and the reason is internal");
    }
}
