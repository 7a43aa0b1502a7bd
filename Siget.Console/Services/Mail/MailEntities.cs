using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Siget.Console.Services.Mail;

public enum OutboxStatus
{
    Pendiente = 0,
    Enviado = 1,
    Fallido = 2,
}

/// <summary>What an outgoing mail is about, beyond the notification kinds (which keep their numbers).</summary>
public static class OutboxKinds
{
    /// <summary>A note to the sender of a message whose attachments were refused.</summary>
    public const int AdjuntosRechazados = 100;
}

/// <summary>
/// One mail to send, written in the same transaction as the notification that causes it (the outbox). Its Message-ID
/// is fixed when the row is written: a crash between sending and marking sends the same message again, which mail
/// systems and clients take as one.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }
    public string MessageId { get; set; } = "";
    public string? RecipientId { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public int Kind { get; set; }
    public int TicketId { get; set; }
    public string TicketNumber { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>For SLA alerts: rows with the same key due together go out as one digest.</summary>
    public string? DigestKey { get; set; }
    /// <summary>The message this one answers (a note about refused attachments answers the sender's mail).</summary>
    public string? InReplyTo { get; set; }
    public OutboxStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAtUtc { get; set; }
}

public enum InboundStatus
{
    /// <summary>Stored, not yet looked at (or looked at by a reader that stopped).</summary>
    Recibido = 0,
    /// <summary>A new request waiting in «Correo entrante».</summary>
    Nuevo = 1,
    Convertido = 2,
    Descartado = 3,
    /// <summary>Added to its ticket as a public reply.</summary>
    Respuesta = 4,
    /// <summary>Its sender could not be verified: never attributed to anybody.</summary>
    Cuarentena = 5,
    /// <summary>Automatic or looping mail: logged and ignored.</summary>
    Ignorado = 6,
    /// <summary>Over the size limit.</summary>
    Rechazado = 7,
    /// <summary>Processing failed; set aside with its error.</summary>
    Error = 8,
}

/// <summary>One message read from the help-desk mailbox. The unique Message-ID is what makes each message handled once,
/// whatever the number of readers and restarts.</summary>
public sealed class InboundMail
{
    public const int MessageIdMaxLength = 400;

    public long Id { get; set; }
    public string MessageId { get; set; } = "";
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "";
    public string Subject { get; set; } = "";
    /// <summary>The text as SIGET keeps it: quoted history and signature trimmed.</summary>
    public string Body { get; set; } = "";
    public long Size { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public InboundStatus Status { get; set; }
    /// <summary>Why it is where it is (quarantine, loop, error, discard reason), in Spanish for staff.</summary>
    public string? Note { get; set; }
    public string? TicketNumber { get; set; }
    /// <summary>A reply that reached a resolved ticket: the technician should look at it (it did not reopen the ticket).</summary>
    public bool Flagged { get; set; }
    /// <summary>The original message (AttachmentStore name), kept as it arrived.</summary>
    public string? RawStoredName { get; set; }
    public string? HandledById { get; set; }
    public DateTime? HandledAtUtc { get; set; }
    public int Version { get; set; }
}

public enum MailPreferenceLevel
{
    Todos = 0,
    Importantes = 1,
    Ninguno = 2,
}

/// <summary>A person's choice in «Mi cuenta → Avisos por correo». No row: the default for their role.</summary>
public sealed class MailPreference
{
    public string UserId { get; set; } = "";
    public MailPreferenceLevel Level { get; set; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("MailOutbox");
        b.Property(m => m.MessageId).HasMaxLength(InboundMail.MessageIdMaxLength);
        b.Property(m => m.RecipientId).HasMaxLength(450);
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.TicketNumber).HasMaxLength(20);
        b.Property(m => m.Text).HasMaxLength(4000);
        b.Property(m => m.DigestKey).HasMaxLength(500);
        b.Property(m => m.InReplyTo).HasMaxLength(InboundMail.MessageIdMaxLength);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptUtc });
    }
}

internal sealed class InboundMailConfiguration : IEntityTypeConfiguration<InboundMail>
{
    public void Configure(EntityTypeBuilder<InboundMail> b)
    {
        b.ToTable("MailInbound");
        b.Property(m => m.MessageId).HasMaxLength(InboundMail.MessageIdMaxLength);
        b.Property(m => m.FromAddress).HasMaxLength(256);
        b.Property(m => m.FromName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.Body).HasMaxLength(20_000);
        b.Property(m => m.Note).HasMaxLength(2000);
        b.Property(m => m.TicketNumber).HasMaxLength(20);
        b.Property(m => m.RawStoredName).HasMaxLength(32);
        b.Property(m => m.HandledById).HasMaxLength(450);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasIndex(m => new { m.Status, m.ReceivedAtUtc });
        b.HasIndex(m => new { m.FromAddress, m.ReceivedAtUtc });
    }
}

internal sealed class MailPreferenceConfiguration : IEntityTypeConfiguration<MailPreference>
{
    public void Configure(EntityTypeBuilder<MailPreference> b)
    {
        b.ToTable("MailPreferences");
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
    }
}
