using Microsoft.EntityFrameworkCore;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Catalog;
using Siget.Core.Notifications;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>
/// Reopening (6.6) is the requester's act (issue 16 item 28). A supervisor reopens for them only recording who asked
/// and how; the history then reads "A pedido de …". Technicians and specialists cannot reopen.
/// </summary>
[Collection(HelpDeskCollection.Name)]
public class ReopeningOnBehalfTests(HelpDeskFixture f)
{
    [Fact]
    public async Task A_supervisor_who_does_not_say_who_asked_and_how_cannot_reopen_and_nothing_is_saved()
    {
        var ticket = await f.ResolvedAsync($"{HelpDeskFixture.NewTag()} reabrir sin pedido");
        var before = await f.FootprintAsync(ticket.Id);

        var reopen = () => f.Commands.ReopenAsync(f.Supervisor, ticket.Id, ticket.Version, "Sigue fallando.");

        await reopen.Should().ThrowAsync<DomainException>()
            .WithMessage("Reabrir es decisión del solicitante. Para reabrirlo a su pedido, indique quién lo pidió y por qué medio.");
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
    }

    [Fact]
    public async Task A_supervisor_reopens_at_the_requesters_request_and_the_history_and_the_assignee_say_so()
    {
        var ticket = await f.ResolvedAsync($"{HelpDeskFixture.NewTag()} reabrir a pedido");
        var rows = (await f.HistoryAsync(ticket.Id)).Count;

        await f.Commands.ReopenAsync(f.Supervisor, ticket.Id, ticket.Version, "La impresora volvió a atascarse.",
            new ReopenRequest(f.Requester.Name, Channel.Telefono));

        var stored = await f.StoredAsync(ticket.Id);
        (stored.State, stored.AssigneeId).Should().Be((TicketState.EnProceso, f.Technician.UserId));
        var row = await f.SingleNewHistoryRowAsync(ticket.Id, rows);
        (row.Action, row.ActorId).Should().Be((TicketAction.Reabrir, f.Supervisor.UserId));
        row.Reason.Should().Be($"A pedido de {f.Requester.Name} (por teléfono): La impresora volvió a atascarse.");
        var requesterPage = (await f.Queries.GetAsync(f.Requester, ticket.Number))!;
        requesterPage.History[^1].Reason.Should().Be(row.Reason, "the requester reads who reopened it and on whose word");
        await using var db = f.App.CreateDbContext();
        (await db.Notifications.AnyAsync(n => n.TicketId == ticket.Id && n.RecipientId == f.Technician.UserId && n.Kind == NotificationKind.CambioDeEstado))
            .Should().BeTrue("the technician who resolved it is told");
    }

    [Fact]
    public async Task A_technician_or_specialist_cannot_reopen_even_saying_who_asked()
    {
        var ticket = await f.ResolvedAsync($"{HelpDeskFixture.NewTag()} reabre el técnico");
        var before = await f.FootprintAsync(ticket.Id);

        foreach (var actor in new[] { f.Technician, f.OtherTechnician })
        {
            var reopen = () => f.Commands.ReopenAsync(actor, ticket.Id, ticket.Version, "Sigue fallando.", new ReopenRequest(f.Requester.Name, Channel.Presencial));
            await reopen.Should().ThrowAsync<DomainException>().WithMessage("No tiene permiso para reabrir este ticket.");
        }
        (await f.FootprintAsync(ticket.Id)).Should().Be(before);
        (await f.Queries.GetAsync(f.Technician, ticket.Number))!.AllowedActions(f.Technician).Should().NotContain(TicketAction.Reabrir);
    }
}
