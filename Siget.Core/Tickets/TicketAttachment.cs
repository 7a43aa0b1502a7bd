using Siget.Core.Access;

namespace Siget.Core.Tickets;

/// <summary>A file attached to a message of a ticket. The bytes live in the attachment store under <see cref="StoredName"/>.</summary>
public sealed class TicketAttachment
{
    private TicketAttachment() { FileName = ""; ContentType = ""; StoredName = ""; UploadedById = ""; }

    public TicketAttachment(int ticketId, string fileName, AttachmentKind kind, long size, string storedName, Actor uploadedBy, DateTime atUtc)
    {
        TicketId = ticketId;
        FileName = AttachmentRules.CleanFileName(fileName);
        ContentType = kind.ContentType;
        Size = size;
        StoredName = storedName;
        UploadedById = uploadedBy.UserId;
        UploadedAtUtc = atUtc;
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public long MessageId { get; internal set; }
    public TicketMessage? Message { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public string StoredName { get; private set; }
    public string UploadedById { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }
}
