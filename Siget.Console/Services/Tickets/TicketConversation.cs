using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Notifications;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Tickets;

/// <summary>A file as received from a form, already buffered (seekable) by the caller.</summary>
public sealed record UploadedFile(string FileName, Stream Content, long Length);

/// <summary>Public replies and internal notes on a ticket, with their attachments and notifications: one transaction each,
/// then one live event.</summary>
public sealed class TicketConversation(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, TicketFeed feed,
    NotificationFeed notifications, AttachmentStore store)
{
    public async Task<TicketMessage> ReplyAsync(Actor actor, int ticketId, string body, bool isInternal,
        IReadOnlyList<UploadedFile>? files = null, CancellationToken ct = default)
    {
        files ??= [];
        if (files.Count > AttachmentRules.MaxPerMessage)
            throw new DomainException($"Se admiten hasta {AttachmentRules.MaxPerMessage} archivos por mensaje.");
        // Every file is checked before anything is written.
        var kinds = files.Select(f => AttachmentRules.Check(f.FileName, f.Content, f.Length)).ToList();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var ticket = await db.Tickets.Where(TicketAccess.VisibleTo(actor)).SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new DomainException("No se encontró el ticket.");
        var now = clock.GetUtcNow().UtcDateTime;
        var message = ticket.Reply(actor, body, isInternal, now);

        var stored = new List<string>();
        IReadOnlyList<Notification> notices;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var name = await store.SaveAsync(files[i].Content, ct);
                stored.Add(name);
                message.Attach(new TicketAttachment(ticket.Id, files[i].FileName, kinds[i], files[i].Length, name, actor, now));
            }
            db.TicketMessages.Add(message);
            notices = TicketNotices.ForReply(ticket, actor, isInternal, now);
            db.Notifications.AddRange(notices);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex)
        {
            // Nothing half-written: files without their database rows are removed.
            foreach (var name in stored) store.Delete(name);
            if (ex is DbUpdateConcurrencyException) throw new TicketConflictException();
            throw;
        }
        feed.Publish(ticket, isInternal ? TicketAction.AnotarNota : TicketAction.Responder, actor);
        notifications.Publish(notices);
        return message;
    }

    /// <summary>An attachment and its bytes, for someone who may see it (else null: it does not exist for them).</summary>
    public async Task<(TicketAttachment Attachment, Stream Content)?> OpenAttachmentAsync(Actor actor, long attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.TicketAttachments.AsNoTracking().Include(a => a.Message).SingleOrDefaultAsync(a => a.Id == attachmentId, ct);
        if (attachment is null) return null;
        var ticket = await db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(actor)).SingleOrDefaultAsync(t => t.Id == attachment.TicketId, ct);
        if (ticket is null || (attachment.Message!.Internal && !ticket.MayReadInternalNotes(actor))) return null;
        if (ticket.VisibleUntilUtc(actor) is { } until && attachment.Message.AtUtc > until) return null; // newer than what a departed vendor saw
        return (attachment, store.OpenRead(attachment.StoredName));
    }
}
