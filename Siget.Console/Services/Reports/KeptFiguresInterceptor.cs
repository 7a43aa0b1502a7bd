using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Core.Reports;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Reports;

/// <summary>
/// Keeps each ticket's <see cref="TicketFigures"/> in the same SaveChanges (so the same transaction) as the change that
/// moves them: registration, first response, a level move, resolution, reopening, closing or cancelling, from any
/// screen, command, the SLA engine, mail or the API. The measures come from the ticket and its whole history
/// (<see cref="TicketMeasures.Of"/>), as in <see cref="KeptFiguresRebuild"/>.
/// </summary>
public sealed class KeptFiguresInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    // The properties the measures are made of; a change of assignee or of SLA marks leaves them as they are.
    private static readonly string[] Measured =
    [
        nameof(Ticket.RegisteredAtUtc), nameof(Ticket.FirstResponseAtUtc), nameof(Ticket.ResolvedAtUtc), nameof(Ticket.ClosedAtUtc),
        nameof(Ticket.State), nameof(Ticket.Level),
    ];

    // Resolved when first needed: the settings store reads through the context factory this interceptor is part of.
    private BusinessCalendar Calendar => services.GetRequiredService<SettingsStore>().Policy.Calendar;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SigetDbContext db) await KeepAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SigetDbContext db) KeepAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task KeepAsync(SigetDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        if (!tracker.Entries<Ticket>().Any()) return;
        tracker.DetectChanges();
        var changed = tracker.Entries<Ticket>().Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && Measured.Any(p => e.Property(p).IsModified)))
            .ToList();
        if (changed.Count == 0) return;

        var stored = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        var history = stored.Count == 0 ? Enumerable.Empty<(int, ReportHistoryEntry)>().ToLookup(h => h.Item1, h => h.Item2)
            : (await db.TicketHistory.AsNoTracking().Where(h => stored.Contains(h.TicketId) && ReportHistoryEntry.Actions.Contains(h.Action))
                .OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
                .Select(h => new { h.TicketId, h.AtUtc, h.Action, h.FromLevel, h.ToLevel, h.Reason }).ToListAsync(ct))
            .ToLookup(h => h.TicketId, h => new ReportHistoryEntry(h.AtUtc, h.Action, h.FromLevel, h.ToLevel, h.Reason));
        var kept = stored.Count == 0 ? new Dictionary<int, TicketFigures>() : await db.TicketFigures.Where(f => stored.Contains(f.TicketId)).ToDictionaryAsync(f => f.TicketId, ct);

        var calendar = Calendar;
        foreach (var entry in changed)
        {
            var ticket = entry.Entity;
            var facts = ReportTicket.Of(ticket).WithHistory(history[ticket.Id].Concat(NewLines(db, ticket)).OrderBy(h => h.AtUtc));
            if (!kept.TryGetValue(ticket.Id, out var row) || entry.State == EntityState.Added)
                db.TicketFigures.Add(row = new TicketFigures { Ticket = ticket });
            row.Keep(TicketMeasures.Of(facts, calendar), ticket.Version);
        }
    }

    /// <summary>The history lines this save adds (the stored ones are read from the database), in the order they were made.</summary>
    private static IEnumerable<ReportHistoryEntry> NewLines(SigetDbContext db, Ticket ticket) => ticket.History
        .Where(h => ReportHistoryEntry.Actions.Contains(h.Action) && db.Entry(h).State == EntityState.Added)
        .Select(h => new ReportHistoryEntry(h.AtUtc, h.Action, h.FromLevel, h.ToLevel, h.Reason));
}
