using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Core.Reports;
using Siget.Core.Sla;

namespace Siget.Console.Services.Reports;

/// <summary>
/// Works every ticket's <see cref="TicketFigures"/> out again from its history on the calendar in force: after an
/// upgrade (tickets from before the figures were kept) and after the calendar changed. By ticket id, a batch per
/// transaction, so it can run beside the app and over a million tickets; running it twice gives the same figures.
/// </summary>
public sealed class KeptFiguresRebuild(IDbContextFactory<SigetDbContext> dbFactory, SettingsStore settings, IHostApplicationLifetime lifetime,
    ILogger<KeptFiguresRebuild> logger)
{
    public const int BatchSize = 2000;
    private const int Attempts = 5;
    private readonly Lock _gate = new();

    /// <summary>The rebuild started in the background after the last calendar change (done when none is running).</summary>
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Starts a rebuild in the background, after the administrator saved a different calendar; one saved while a rebuild
    /// runs starts another after it, so the last calendar is the one the figures end on.
    /// </summary>
    public void Start()
    {
        lock (_gate) Running = Running.ContinueWith(_ => RunInBackgroundAsync(), TaskScheduler.Default).Unwrap();
    }

    private async Task RunInBackgroundAsync()
    {
        try
        {
            var done = await RunAsync(ct: lifetime.ApplicationStopping);
            logger.LogInformation("Kept report figures worked out again on the new calendar: {Tickets} tickets", done);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            logger.LogWarning("The rebuild of the kept report figures stopped with the app; run recalcular-indicadores to finish it");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The rebuild of the kept report figures failed; run recalcular-indicadores");
        }
    }

    /// <summary>Tickets done so far, of how many there were when the rebuild started.</summary>
    public readonly record struct Progress(int Done, int Total);

    /// <returns>How many tickets' figures were worked out.</returns>
    public async Task<int> RunAsync(IProgress<Progress>? progress = null, CancellationToken ct = default)
    {
        int total;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) total = await db.Tickets.CountAsync(ct);
        var calendar = settings.Policy.Calendar;
        var (done, after) = (0, 0);
        progress?.Report(new Progress(0, total));
        while (await BatchAsync(after, calendar, ct) is { Count: > 0 } batch)
        {
            (done, after) = (done + batch.Count, batch.LastId);
            progress?.Report(new Progress(done, Math.Max(total, done)));
        }
        return done;
    }

    private async Task<(int Count, int LastId)> BatchAsync(int afterId, BusinessCalendar calendar, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryBatchAsync(afterId, calendar, ct);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // A command changed a ticket of the batch after it was read (its figures row is newer): read the batch again.
            }
        }
    }

    private async Task<(int Count, int LastId)> TryBatchAsync(int afterId, BusinessCalendar calendar, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.Id > afterId).OrderBy(t => t.Id).Take(BatchSize)
            .Select(t => new
            {
                t.Version,
                Facts = new ReportTicket
                {
                    Id = t.Id, Number = t.Number, State = t.State, Level = t.Level, RegisteredAtUtc = t.RegisteredAtUtc,
                    FirstResponseDueUtc = t.FirstResponseDueUtc, FirstResponseAtUtc = t.FirstResponseAtUtc, ResolutionDueUtc = t.ResolutionDueUtc,
                    ResolvedAtUtc = t.ResolvedAtUtc, ClosedAtUtc = t.ClosedAtUtc,
                },
            })
            .ToListAsync(ct);
        if (tickets.Count == 0) return (0, afterId);
        var lastId = tickets[^1].Facts.Id;
        var history = (await db.TicketHistory.AsNoTracking()
                .Where(h => h.TicketId > afterId && h.TicketId <= lastId && ReportHistoryEntry.Actions.Contains(h.Action))
                .Select(h => new { h.Id, h.TicketId, h.AtUtc, h.Action, h.FromLevel, h.ToLevel, h.Reason }).ToListAsync(ct))
            .OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
            .ToLookup(h => h.TicketId, h => new ReportHistoryEntry(h.AtUtc, h.Action, h.FromLevel, h.ToLevel, h.Reason));
        var kept = await db.TicketFigures.Where(f => f.TicketId > afterId && f.TicketId <= lastId).ToDictionaryAsync(f => f.TicketId, ct);

        var measures = new TicketMeasures[tickets.Count];
        Parallel.For(0, tickets.Count, new ParallelOptions { CancellationToken = ct },
            i => measures[i] = TicketMeasures.Of(tickets[i].Facts.WithHistory(history[tickets[i].Facts.Id]), calendar));
        for (var i = 0; i < tickets.Count; i++)
        {
            var (id, version) = (tickets[i].Facts.Id, tickets[i].Version);
            if (!kept.TryGetValue(id, out var row)) db.TicketFigures.Add(row = new TicketFigures { TicketId = id });
            else if (row.TicketVersion > version) continue; // a command changed the ticket since it was read here, and kept its figures
            row.Keep(measures[i], version);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (tickets.Count, lastId);
    }
}
