namespace Siget.Core.Notifications;

public enum NotificationKind
{
    /// <summary>A ticket was handed to the recipient.</summary>
    Asignacion = 1,
    /// <summary>A ticket the recipient held or follows moved to another level or person.</summary>
    Escalamiento = 2,
    /// <summary>The requester replied on a ticket the recipient holds.</summary>
    RespuestaDelUsuario = 3,
    /// <summary>75 % of an SLA target has passed.</summary>
    AdvertenciaSla = 4,
    /// <summary>An SLA due time has passed.</summary>
    VencimientoSla = 5,
    /// <summary>The requester's ticket changed state.</summary>
    CambioDeEstado = 6,
    /// <summary>UTI (or the vendor) replied publicly on the requester's ticket.</summary>
    RespuestaDeLaUti = 7,
    /// <summary>Incidents recur in one subcategory and unit: a problem may explain them (to supervisors; the ticket is the latest one).</summary>
    ProblemaSugerido = 8,
}

/// <summary>A message for one person about one ticket. Stored, so someone who was away reads it later; pushed live too.</summary>
public sealed class Notification
{
    public const int TextMaxLength = 400;

    private Notification() { RecipientId = ""; TicketNumber = ""; Text = ""; }

    public Notification(string recipientId, NotificationKind kind, int ticketId, string ticketNumber, string text, DateTime createdAtUtc)
    {
        RecipientId = recipientId;
        Kind = kind;
        TicketId = ticketId;
        TicketNumber = ticketNumber;
        Text = text.Length > TextMaxLength ? text[..(TextMaxLength - 1)] + "…" : text;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }
    public string RecipientId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public int TicketId { get; private set; }
    public string TicketNumber { get; private set; }
    public string Text { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    public bool IsRead => ReadAtUtc is not null;

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
