using Siget.Core.Access;

namespace Siget.Core.Tickets;

/// <summary>A public reply (seen by the requester) or an internal note (UTI staff only), in Markdown.</summary>
public sealed class TicketMessage
{
    public const int BodyMaxLength = 10_000;

    private TicketMessage() { AuthorId = ""; AuthorName = ""; Body = ""; }

    internal TicketMessage(int ticketId, Actor author, bool isInternal, string body, DateTime atUtc)
    {
        TicketId = ticketId;
        AuthorId = author.UserId;
        AuthorName = author.Name;
        AuthorRole = author.Role;
        Internal = isInternal;
        Body = body;
        AtUtc = atUtc;
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public Role AuthorRole { get; private set; }
    public bool Internal { get; private set; }
    public string Body { get; private set; }

    private readonly List<TicketAttachment> _attachments = [];
    public IReadOnlyList<TicketAttachment> Attachments => _attachments;

    public void Attach(TicketAttachment attachment)
    {
        if (_attachments.Count >= AttachmentRules.MaxPerMessage)
            throw new DomainException($"Se admiten hasta {AttachmentRules.MaxPerMessage} archivos por mensaje.");
        _attachments.Add(attachment);
    }
}
