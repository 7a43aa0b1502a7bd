using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core;
using Siget.Core.Access;

namespace Siget.Console.Services.Administration;

public sealed record AuditFilter(string? Action = null, string? Text = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

/// <summary>One audited event as the audit screen shows it.</summary>
public sealed record AuditRow(long Id, DateTime AtUtc, string ActorName, string Action, string Subject, string? Before, string? After, string? Address);

/// <summary>Writes audit entries and lets administrators read them.</summary>
public sealed class AuditLog(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxTake = 200;

    public async Task RecordAsync(string? actorId, string actorName, string action, string subject,
        string? before = null, string? after = null, string? address = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Add(db, actorId, actorName, action, subject, before, after, address);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The entry added to <paramref name="db"/>, to commit with the change it records (one transaction).</summary>
    public void Add(SigetDbContext db, string? actorId, string actorName, string action, string subject,
        string? before = null, string? after = null, string? address = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, ActorId = actorId, ActorName = Cut(actorName, 200), Action = Cut(action, 60),
            Subject = Cut(subject, 256), Before = Trim(before), After = Trim(after), Address = address is null ? null : Cut(address, 64),
        });

    /// <summary>Newest first. Administrators only.</summary>
    public async Task<(IReadOnlyList<AuditRow> Rows, int Total)> SearchAsync(Actor actor, AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        if (actor.Role != Role.Administrador) throw new DomainException("Solo los administradores consultan la auditoría.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action)) rows = rows.Where(a => a.Action == filter.Action);
        if (Text.Search(filter.Text) is { } text)
        {
            rows = rows.Where(a => a.Subject.Contains(text) || a.ActorName.Contains(text));
        }
        if (filter.FromUtc is { } from) rows = rows.Where(a => a.AtUtc >= from);
        if (filter.ToUtc is { } to) rows = rows.Where(a => a.AtUtc < to);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxTake))
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.ActorName, a.Action, a.Subject, a.Before, a.After, a.Address)).ToListAsync(ct);
        return (page, total);
    }

    // What is recorded may come from anyone (the user name typed at a failed sign-in): cleaned like any text.
    private static string Cut(string value, int max) => Text.Cut(Text.Clean(value, multiline: false), max);
    private static string? Trim(string? value) => value is null ? null : Text.Cut(Text.Clean(value, multiline: true), AuditEntry.TextMaxLength);
}
