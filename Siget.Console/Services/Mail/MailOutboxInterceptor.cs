using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Siget.Console.Data;
using Siget.Core.Access;
using Siget.Core.Notifications;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Mail;

/// <summary>Which notifications a person also receives by mail.</summary>
public static class MailPreferenceRules
{
    /// <summary>Requesters get every notice they receive (state changes and UTI replies); staff, the important ones.</summary>
    public static MailPreferenceLevel DefaultFor(Role role) => role == Role.Usuario ? MailPreferenceLevel.Todos : MailPreferenceLevel.Importantes;

    /// <summary>Important: a ticket handed to me, an SLA warning or breach, my ticket resolved.</summary>
    public static bool IsImportant(NotificationKind kind, string text) => kind switch
    {
        NotificationKind.Asignacion or NotificationKind.AdvertenciaSla or NotificationKind.VencimientoSla => true,
        NotificationKind.CambioDeEstado => text.Contains($"«{TicketState.Resuelto.Label()}»", StringComparison.Ordinal),
        _ => false,
    };

    public static bool Wants(MailPreferenceLevel level, NotificationKind kind, string text) => level switch
    {
        MailPreferenceLevel.Todos => true,
        MailPreferenceLevel.Importantes => IsImportant(kind, text),
        _ => false,
    };
}

/// <summary>
/// The outbox's writer: every notification added to a context adds, in the same SaveChanges (so the same transaction),
/// the mail its recipient wants. It also completes the inbound message being processed on this flow
/// (<see cref="InboundScope"/>) in the transaction that adds its reply or ticket: a message is handled once or not at all.
/// </summary>
public sealed class MailOutboxInterceptor(IOptions<MailOptions> options, TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SigetDbContext db) await AddMailAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SigetDbContext db) AddMailAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => InboundScope.Current?.Reset();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        InboundScope.Current?.Reset();
        return Task.CompletedTask;
    }

    private async Task AddMailAsync(SigetDbContext db, CancellationToken ct)
    {
        CompleteInbound(db);
        var o = options.Value;
        if (!o.SendingEnabled) return;
        var notices = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (notices.Count == 0) return;

        var ids = notices.Select(n => n.RecipientId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive && u.Email != null && u.Email != "")
            .Select(u => new { u.Id, u.Email, u.FullName, u.Role }).ToListAsync(ct);
        if (people.Count == 0) return;
        var chosen = await db.Set<MailPreference>().AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.Level, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var domain = MailAddresses.DomainOf(o.Sender.Address);
        foreach (var n in notices)
        {
            var person = people.FirstOrDefault(p => p.Id == n.RecipientId);
            if (person is null) continue;
            var level = chosen.TryGetValue(person.Id, out var l) ? l : MailPreferenceRules.DefaultFor(person.Role);
            if (!MailPreferenceRules.Wants(level, n.Kind, n.Text)) continue;
            var sla = n.Kind is NotificationKind.AdvertenciaSla or NotificationKind.VencimientoSla;
            db.Set<OutboxMail>().Add(new OutboxMail
            {
                MessageId = MailAddresses.NewMessageId(n.TicketNumber, domain),
                RecipientId = person.Id,
                ToAddress = person.Email!,
                ToName = person.FullName,
                Kind = (int)n.Kind,
                TicketId = n.TicketId,
                TicketNumber = n.TicketNumber,
                Text = n.Text,
                DigestKey = sla ? $"sla:{person.Id}" : null,
                Status = OutboxStatus.Pendiente,
                CreatedAtUtc = now,
                // SLA alerts wait for the end of the current digest window, so a burst goes out as one mail.
                NextAttemptUtc = sla ? DigestWindowEnd(now, o.SlaDigestMinutes) : now,
            });
        }
    }

    public static DateTime DigestWindowEnd(DateTime nowUtc, int minutes)
    {
        if (minutes <= 0) return nowUtc;
        var window = TimeSpan.FromMinutes(minutes).Ticks;
        return new DateTime((nowUtc.Ticks / window + 1) * window, DateTimeKind.Utc);
    }

    /// <summary>When an inbound message is being turned into a reply or ticket on this flow, its row changes in the same
    /// SaveChanges that adds them; if another reader changed it first (its version moved), that SaveChanges fails.</summary>
    private static void CompleteInbound(SigetDbContext db)
    {
        var scope = InboundScope.Current;
        if (scope is null || scope.Applied) return;
        string? number = null;
        if (db.ChangeTracker.Entries<Ticket>().FirstOrDefault(e => e.State == EntityState.Added) is { } added) number = added.Entity.Number;
        else if (db.ChangeTracker.Entries<TicketMessage>().Any(e => e.State == EntityState.Added)) number = scope.TicketNumber;
        else return;

        var stub = new InboundMail { Id = scope.InboundId, Version = scope.Version };
        db.Attach(stub);
        var entry = db.Entry(stub);
        entry.Property(m => m.Status).CurrentValue = scope.NewStatus;
        entry.Property(m => m.Status).IsModified = true;
        entry.Property(m => m.TicketNumber).CurrentValue = number;
        entry.Property(m => m.TicketNumber).IsModified = true;
        entry.Property(m => m.Flagged).CurrentValue = scope.Flagged;
        entry.Property(m => m.Flagged).IsModified = true;
        entry.Property(m => m.HandledById).CurrentValue = scope.HandledById;
        entry.Property(m => m.HandledById).IsModified = true;
        entry.Property(m => m.HandledAtUtc).CurrentValue = scope.HandledAtUtc;
        entry.Property(m => m.HandledAtUtc).IsModified = true;
        entry.Property(m => m.Version).CurrentValue = scope.Version + 1;
        entry.Property(m => m.Version).IsModified = true;
        if (scope.Note is not null)
        {
            entry.Property(m => m.Note).CurrentValue = scope.Note;
            entry.Property(m => m.Note).IsModified = true;
        }
        foreach (var mail in scope.ExtraOutbox) db.Set<OutboxMail>().Add(new OutboxMail
        {
            MessageId = mail.MessageId, RecipientId = mail.RecipientId, ToAddress = mail.ToAddress, ToName = mail.ToName, Kind = mail.Kind,
            TicketId = mail.TicketId, TicketNumber = mail.TicketNumber, InReplyTo = mail.InReplyTo, Text = mail.Text,
            Status = mail.Status, CreatedAtUtc = mail.CreatedAtUtc, NextAttemptUtc = mail.NextAttemptUtc,
        });
        scope.Applied = true;
        scope.ResultTicketNumber = number;
    }
}

/// <summary>The inbound message whose reply or ticket the current async flow is saving.</summary>
public sealed class InboundScope
{
    private static readonly AsyncLocal<InboundScope?> Ambient = new();

    public static InboundScope? Current => Ambient.Value;

    public required long InboundId { get; init; }
    public required int Version { get; init; }
    public required InboundStatus NewStatus { get; init; }
    public string? TicketNumber { get; init; }
    public bool Flagged { get; init; }
    public string? Note { get; init; }
    public string? HandledById { get; init; }
    public DateTime HandledAtUtc { get; init; }
    public bool Applied { get; set; }
    public string? ResultTicketNumber { get; set; }
    /// <summary>Mail to write in the same transaction (a note to the sender about refused attachments).</summary>
    public List<OutboxMail> ExtraOutbox { get; } = [];

    public void Reset()
    {
        Applied = false;
        ResultTicketNumber = null;
    }

    public IDisposable Enter()
    {
        var previous = Ambient.Value;
        Ambient.Value = this;
        return new Exit(previous);
    }

    private sealed class Exit(InboundScope? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
