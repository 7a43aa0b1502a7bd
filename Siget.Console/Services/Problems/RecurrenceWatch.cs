using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Notifications;
using Siget.Core.Problems;
using Siget.Core.Tickets;
using Siget.Console.Telemetry;

namespace Siget.Console.Services.Problems;

public sealed class RecurrenceWatchOptions
{
    public const string Section = "RecurrenceWatch";
    /// <summary>Seconds between passes that tell supervisors of new recurrences; 0 turns the passes off (the
    /// problems page still shows the suggestions as they are).</summary>
    [Range(0, 86_400, ErrorMessage = "debe estar entre {1} y {2}.")]
    public int IntervalSeconds { get; set; } = 300;
}

/// <summary>A recurrence as the problems page shows it.</summary>
public sealed record RecurrenceSuggestion(RecurringIncidents Group, string Service)
{
    public string Place => Group.UnitName ?? "Sin unidad registrada";
}

/// <summary>
/// Finds incidents that recur (<see cref="RecurrenceRule"/>, set in Configuración): the problems page reads the
/// suggestions as they are, and a pass every few minutes tells the supervisors of each new one, once per window.
/// A supervisor may dismiss a suggestion; it comes back only with incidents newer than the dismissal.
/// </summary>
public sealed class RecurrenceWatch(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, SettingsStore settings,
    NotificationFeed notifications, ProblemFeed problems, IOptions<RecurrenceWatchOptions> options, ILogger<RecurrenceWatch> logger) : BackgroundService
{
    private readonly SemaphoreSlim _pass = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds <= 0) return;
        // The first pass waits one interval: a restart does not add a pass to the busiest moment of the start.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Recurrence pass failed; the next pass retries");
            }
        }
    }

    public async Task<IReadOnlyList<RecurrenceSuggestion>> SuggestionsAsync(Actor actor, CancellationToken ct = default)
    {
        ProblemAccess.EnsureView(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (groups, _) = await CurrentAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        var names = await ProblemQueries.ServiceNamesAsync(db, ct);
        return groups.Select(g => new RecurrenceSuggestion(g, names.GetValueOrDefault(g.SubcategoryCode, ""))).ToList();
    }

    /// <summary>The group's incidents, newest first, to link to the problem opened for them.</summary>
    public async Task<IReadOnlyList<Ticket>> IncidentsAsync(Actor actor, int subcategoryCode, int? unitId, CancellationToken ct = default)
    {
        ProblemAccess.EnsureManage(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Candidates(db, settings.Recurrence.WindowStartUtc(clock.GetUtcNow().UtcDateTime))
            .Where(t => t.SubcategoryCode == subcategoryCode && t.UnitId == unitId).Where(TicketAccess.VisibleTo(actor))
            .OrderByDescending(t => t.RegisteredAtUtc).ToListAsync(ct);
    }

    public async Task DismissAsync(Actor actor, int subcategoryCode, int? unitId, CancellationToken ct = default)
    {
        if (!ProblemAccess.MayDiscard(actor)) throw new DomainException("Solo el Ejecutivo de la UTI descarta una sugerencia.");
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var signal = await SignalAsync(db, subcategoryCode, unitId, ct);
        signal.DismissedAtUtc = clock.GetUtcNow().UtcDateTime;
        signal.DismissedByName = actor.Name;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else wrote this group's mark at the same moment (another dismissal, or a pass): the page shows
            // what stands, and the supervisor may dismiss again.
            return;
        }
        problems.SuggestionsChanged(actor.UserId);
    }

    /// <summary>Tells every active supervisor of each recurrence not told in the current window. The marks and the
    /// notifications commit together, so a restart or an overlapping pass never tells twice.</summary>
    public Task<int> RunOnceAsync(CancellationToken ct = default) => SigetTracing.PassAsync("recurrencias", () => RunPassAsync(ct));

    private async Task<int> RunPassAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var rule = settings.Recurrence;
            var (groups, signals) = await CurrentAsync(db, now, ct);
            var windowStart = rule.WindowStartUtc(now);
            var untold = groups.Where(g => signals.GetValueOrDefault(g.Key)?.NotifiedAtUtc is not DateTime told || told < windowStart).ToList();
            if (untold.Count == 0) return 0;

            var supervisors = await NotificationCenter.SupervisorIdsAsync(db, ct);
            var names = await ProblemQueries.ServiceNamesAsync(db, ct);
            var notices = new List<Notification>();
            // Each group's newest incident, in one read: the notification opens from it.
            var codes = untold.Select(g => g.SubcategoryCode).Distinct().ToList();
            var newest = (await Candidates(db, windowStart).Where(t => codes.Contains(t.SubcategoryCode))
                    .Select(t => new { t.Id, t.Number, t.SubcategoryCode, t.UnitId, t.RegisteredAtUtc }).ToListAsync(ct))
                .GroupBy(t => (t.SubcategoryCode, t.UnitId))
                .ToDictionary(g => g.Key, g => g.MaxBy(t => (t.RegisteredAtUtc, t.Id))!);
            foreach (var group in untold)
            {
                if (!newest.TryGetValue(group.Key, out var latest)) continue; // linked or cancelled between the two reads
                var text = $"Se repiten incidentes: {group.Count} de «{names.GetValueOrDefault(group.SubcategoryCode)}» en " +
                           $"{group.UnitName ?? "tickets sin unidad"} {Plural.Pick(rule.WindowDays, "en el último día", $"en los últimos {rule.WindowDays} días")}. Revise si conviene abrir un problema.";
                notices.AddRange(supervisors.Select(id => new Notification(id, NotificationKind.ProblemaSugerido, latest.Id, latest.Number, text, now)));
                var signal = signals.GetValueOrDefault(group.Key) ?? await SignalAsync(db, group.SubcategoryCode, group.UnitId, ct);
                signal.NotifiedAtUtc = now;
            }
            db.Notifications.AddRange(notices);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                // Another server's pass marked the same group first: it told them.
                logger.LogInformation(ex, "Recurrence marks changed meanwhile; this pass tells nothing");
                return 0;
            }
            notifications.Publish(notices);
            problems.SuggestionsChanged(Actor.System.UserId);
            return untold.Count;
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>The groups at or over the threshold now, without those dismissed after their latest incident.</summary>
    private async Task<(IReadOnlyList<RecurringIncidents> Groups, Dictionary<(int SubcategoryCode, int? UnitId), RecurrenceSignal> Signals)> CurrentAsync(
        SigetDbContext db, DateTime now, CancellationToken ct)
    {
        var rule = settings.Recurrence;
        var threshold = rule.Threshold;
        var counted = await Candidates(db, rule.WindowStartUtc(now))
            .GroupBy(t => new { t.SubcategoryCode, t.UnitId })
            .Where(g => g.Count() >= threshold)
            .Select(g => new { g.Key.SubcategoryCode, g.Key.UnitId, Count = g.Count(), First = g.Min(t => t.RegisteredAtUtc), Last = g.Max(t => t.RegisteredAtUtc) })
            .ToListAsync(ct);
        var signals = (await db.RecurrenceSignals.ToListAsync(ct)).GroupBy(s => (s.SubcategoryCode, s.UnitId)).ToDictionary(g => g.Key, g => g.First());
        var unitIds = counted.Where(g => g.UnitId is not null).Select(g => g.UnitId!.Value).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var groups = counted
            .Select(g => new RecurringIncidents(g.SubcategoryCode, g.UnitId, g.UnitId is int id ? units.GetValueOrDefault(id) : null, g.Count, g.First, g.Last))
            .Where(g => signals.GetValueOrDefault(g.Key)?.DismissedAtUtc is not DateTime dismissed || g.LastAtUtc > dismissed)
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastAtUtc)
            .ToList();
        return (groups, signals);
    }

    /// <summary>The incidents that count: recent, not cancelled and not explained by a problem yet.</summary>
    private static IQueryable<Ticket> Candidates(SigetDbContext db, DateTime sinceUtc) => db.Tickets.AsNoTracking()
        .Where(t => t.Kind == TicketKind.Incidencia && t.ProblemId == null && t.State != TicketState.Anulado && t.RegisteredAtUtc >= sinceUtc);

    private static async Task<RecurrenceSignal> SignalAsync(SigetDbContext db, int subcategoryCode, int? unitId, CancellationToken ct)
    {
        // First: databases do not hold the unique index to one row when the unit is empty.
        var signal = await db.RecurrenceSignals.OrderBy(s => s.Id).FirstOrDefaultAsync(s => s.SubcategoryCode == subcategoryCode && s.UnitId == unitId, ct);
        if (signal is null) db.RecurrenceSignals.Add(signal = new RecurrenceSignal { SubcategoryCode = subcategoryCode, UnitId = unitId });
        return signal;
    }
}
