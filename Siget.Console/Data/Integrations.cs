using Siget.Core.Catalog;

namespace Siget.Console.Data;

/// <summary>
/// A key another system (SISMONITOR) calls the public API with: <c>sgt_&lt;PublicId&gt;_&lt;secret&gt;</c>. Only the SHA-256 of
/// the secret is kept. Rotating gives a new secret under the same public id; the previous one stays valid until
/// <see cref="PreviousValidUntilUtc"/>.
/// </summary>
public class ApiKey
{
    public const int NameMaxLength = 80;
    public const int PublicIdLength = 16;

    public int Id { get; set; }
    public string PublicId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The channel its tickets get, and the only one whose tickets it reads.</summary>
    public Channel Channel { get; set; } = Channel.Sismonitor;
    /// <summary>Space-separated scopes (<see cref="Services.Integrations.ApiScopes"/>).</summary>
    public string Scopes { get; set; } = "";
    public byte[] SecretHash { get; set; } = [];
    public byte[]? PreviousSecretHash { get; set; }
    public DateTime? PreviousValidUntilUtc { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActiveAt(DateTime nowUtc) => IsActive(RevokedAtUtc, ExpiresAtUtc, nowUtc);

    /// <summary>The one statement of "active", shared with the screens' <see cref="Services.Integrations.ApiKeyRow"/>.</summary>
    public static bool IsActive(DateTime? revokedAtUtc, DateTime? expiresAtUtc, DateTime nowUtc) =>
        revokedAtUtc is null && (expiresAtUtc is null || expiresAtUtc > nowUtc);
}

/// <summary>
/// The first answer to a POST sent with an <c>Idempotency-Key</c>, written in the same transaction as the change it
/// answers: a retry with the same key and body gets it back; with another body, 409. Kept 24 hours.
/// </summary>
public class ApiIdempotencyRecord
{
    public const int KeyMaxLength = 100;

    public long Id { get; set; }
    public int ApiKeyId { get; set; }
    public string IdempotencyKey { get; set; } = "";
    /// <summary>SHA-256 (hex) of method, path and body.</summary>
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseBody { get; set; } = "";
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>Events a webhook subscription may ask for.</summary>
[Flags]
public enum WebhookEvents
{
    None = 0,
    Registrado = 1,
    Estado = 2,
    RespuestaPublica = 4,
    Escalado = 8,
    Resuelto = 16,
    Todos = Registrado | Estado | RespuestaPublica | Escalado | Resuelto,
}

/// <summary>An HTTPS address that receives the events of one key's tickets, signed with its own secret.</summary>
public class WebhookSubscription
{
    public int Id { get; set; }
    public int ApiKeyId { get; set; }
    public ApiKey? ApiKey { get; set; }
    public string Url { get; set; } = "";
    public WebhookEvents Events { get; set; } = WebhookEvents.Todos;
    /// <summary>The HMAC-SHA256 key (kept: the sender needs it to sign).</summary>
    public string Secret { get; set; } = "";
    public bool Active { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pendiente = 1,
    Enviando = 2,
    Entregado = 3,
    /// <summary>Failed too many times: waits for an administrator to retry it.</summary>
    Detenido = 4,
}

/// <summary>One event to deliver (the outbox): written with the ticket change, sent by <see cref="Services.Integrations.WebhookSender"/>.</summary>
public class WebhookDelivery
{
    public long Id { get; set; }
    /// <summary>Stable id receivers dedupe on (<c>X-Siget-Entrega</c>).</summary>
    public Guid DeliveryId { get; set; }
    public int SubscriptionId { get; set; }
    public string Event { get; set; } = "";
    public string TicketNumber { get; set; } = "";
    public string Payload { get; set; } = "";
    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pendiente;
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    /// <summary>While <see cref="WebhookDeliveryStatus.Enviando"/>: until when the sender that claimed it owns it.</summary>
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    public string? LastError { get; set; }
}
