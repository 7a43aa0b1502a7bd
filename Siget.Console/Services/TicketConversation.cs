using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Console.Services;

/// <summary>Public replies and internal notes on a ticket: one transaction each, then one live event.</summary>
public sealed class TicketConversation(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, TicketFeed feed)
{
    public async Task<TicketMessage> ReplyAsync(Actor actor, int ticketId, string body, bool isInternal, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.Where(TicketAccess.VisibleTo(actor)).SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new DomainException("No se encontró el ticket.");
        var message = ticket.Reply(actor, body, isInternal, clock.GetUtcNow().UtcDateTime);
        db.TicketMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Only the first response time changed on the ticket; someone else changed it meanwhile. Try once more.
            throw new TicketConflictException();
        }
        feed.Publish(ticket, isInternal ? TicketAction.AnotarNota : TicketAction.Responder, actor);
        return message;
    }
}
