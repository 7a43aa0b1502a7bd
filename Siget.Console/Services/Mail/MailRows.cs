using Siget.Console.Data;

namespace Siget.Console.Services.Mail;

/// <summary>A stored message as «Correo entrante» and the quarantine list show it (the screens never get the entity).</summary>
public sealed record InboundMailRow(long Id, string FromAddress, string FromName, string Subject, string Body, DateTime ReceivedAtUtc,
    InboundStatus Status, string? Note, string? TicketNumber);

/// <summary>A mail waiting or failed in the outbox, as the mail settings page lists it.</summary>
public sealed record OutboxMailRow(long Id, DateTime CreatedAtUtc, string ToAddress, string TicketNumber, OutboxStatus Status, int Attempts, string? LastError);

/// <summary>The outbox at a glance: counts by state and the latest mails not yet sent.</summary>
public sealed record OutboxSummary(int Pending, int Sent, int Failed, IReadOnlyList<OutboxMailRow> Unsent);
