using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Reports;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Reports;

/// <summary>
/// Reads what the reports are computed from (<see cref="ReportData"/>), within the person's reach
/// (<see cref="ReportAccess"/>): the supervisor and the administrator over every ticket, a vendor over its company's.
/// A period's data is kept until a ticket changes (the live feed's version) and for at most <see cref="MaxAge"/>, so the
/// dashboard, its drill-downs and its exports read the database once and agree with each other.
/// </summary>
public sealed class ReportQueries(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, SettingsStore settings, TicketFeed feed)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    // A month's data is some tens of MB; a year's, some hundreds.
    private const int MaxKept = 4;

    private readonly ConcurrentDictionary<(int? Vendor, DateOnly From, DateOnly To, long Version), Lazy<Task<ReportData>>> _kept = new();

    public Task<ReportData> LoadAsync(Actor actor, ReportPeriod period, CancellationToken ct = default)
    {
        ReportAccess.Demand(actor);
        var version = feed.Version;
        var key = (ReportAccess.SeesWholeService(actor) ? (int?)null : actor.VendorCompanyId, period.From, period.To, version);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (k, kept) in _kept)
            if (k.Version < version || (kept.Value.IsCompleted && (kept.Value.IsFaulted || kept.Value.IsCanceled || now - kept.Value.Result.AtUtc > MaxAge)))
                _kept.TryRemove(k, out _);
        // Past the limit, the oldest finished reads go first; reads still running stay, so nobody reads the same period twice.
        foreach (var (k, _) in _kept.Where(e => e.Value.Value.IsCompletedSuccessfully).OrderBy(e => e.Value.Value.Result.AtUtc).Take(Math.Max(0, _kept.Count - MaxKept + 1)).ToList())
            _kept.TryRemove(k, out _);
        // Off the caller's thread (SQLite reads complete synchronously): a screen's circuit stays responsive meanwhile.
        var entry = _kept.GetOrAdd(key, _ => new Lazy<Task<ReportData>>(() => Task.Run(() => ReadAsync(actor, period, CancellationToken.None))));
        return entry.Value.WaitAsync(ct);
    }

    private async Task<ReportData> ReadAsync(Actor actor, ReportPeriod period, CancellationToken ct)
    {
        var scope = ReportAccess.Scope(actor); // refuses whoever may not read reports
        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to) = (period.FromUtc, period.ToUtc);
        // The tickets and their level moves and reopenings are read at the same time, on two connections: the
        // history is joined to the same period's tickets, so it does not wait for their ids. Task.Run: SQLite's reads
        // complete synchronously, so without it the second read would start only after the first had finished.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var historyDb = await dbFactory.CreateDbContextAsync(ct);
        IQueryable<Ticket> InPeriod(SigetDbContext context) => context.Tickets.AsNoTracking().Where(scope)
            .Where(t => (t.RegisteredAtUtc >= from && t.RegisteredAtUtc < to)
                || (t.ResolvedAtUtc >= from && t.ResolvedAtUtc < to)
                || (t.ClosedAtUtc >= from && t.ClosedAtUtc < to)
                || t.State == TicketState.EnCola || t.State == TicketState.EnProceso);

        var ticketsRead = Task.Run(() => ReportTicketsAsync(db, InPeriod(db), ct), ct);
        // No ORDER BY: with one, SQLite walks the whole history in its index order instead of looking up each ticket's.
        var historyRead = Task.Run(() => InPeriod(historyDb)
            .Join(historyDb.TicketHistory.Where(h => ReportHistoryEntry.Actions.Contains(h.Action)), t => t.Id, h => h.TicketId,
                (t, h) => new { h.Id, h.TicketId, h.AtUtc, h.Action, h.FromLevel, h.ToLevel, h.Reason })
            .ToListAsync(ct), ct);
        var tickets = await ticketsRead;
        var history = (await historyRead).OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
            .ToLookup(h => h.TicketId, h => new ReportHistoryEntry(h.AtUtc, h.Action, h.FromLevel, h.ToLevel, h.Reason));
        var withHistory = tickets.Select(t => t.WithHistory(history[t.Id])).ToList();

        var names = new ReportNames(
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct),
            await db.Subcategories.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, ct),
            (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct)).ToDictionary(u => u.Id, u => (u.Name, u.Kind)),
            await PeopleDirectory.ListedTo(db.Users.AsNoTracking(), actor).Where(u => u.Role != Role.Usuario).ToDictionaryAsync(u => u.Id, u => u.FullName, ct),
            (await db.VendorCompanies.AsNoTracking().Select(v => new { v.Id, v.Name, v.ContractSlaHours }).ToListAsync(ct))
                .ToDictionary(v => v.Id, v => (v.Name, v.ContractSlaHours)));
        var report = new ServiceReport(settings.Policy.Calendar);
        report.Measure(withHistory, now); // both cores, before the page reads them one by one (kept measures: only running stays)
        return new ReportData(period, now, withHistory, names, ReportAccess.SeesWholeService(actor), report);
    }

    // With the ticket's kept figures, when it has them (a ticket from before they were kept is measured from its history).
    private static async Task<List<ReportTicket>> ReportTicketsAsync(SigetDbContext db, IQueryable<Ticket> tickets, CancellationToken ct) =>
        (await (from t in tickets
                join s in db.Subcategories on t.SubcategoryCode equals s.Code
                join f in db.TicketFigures on t.Id equals f.TicketId into kept
                from f in kept.DefaultIfEmpty()
                select new
                {
                    Ticket = new ReportTicket
                    {
                        Id = t.Id, Number = t.Number, Subject = t.Subject, Kind = t.Kind, Channel = t.Channel, SubcategoryCode = t.SubcategoryCode,
                        CategoryId = s.CategoryId, UnitId = t.UnitId, Priority = t.Priority, State = t.State, Level = t.Level,
                        AssigneeId = t.AssigneeId, AssigneeName = t.AssigneeName, VendorCompanyId = t.VendorCompanyId,
                        RegisteredAtUtc = t.RegisteredAtUtc, FirstResponseDueUtc = t.FirstResponseDueUtc, FirstResponseAtUtc = t.FirstResponseAtUtc,
                        ResolutionDueUtc = t.ResolutionDueUtc, ResolvedAtUtc = t.ResolvedAtUtc, ClosedAtUtc = t.ClosedAtUtc,
                        SatisfactionRating = t.SatisfactionRating,
                    },
                    Figures = f,
                })
            .ToListAsync(ct))
        .Select(x => x.Figures is null ? x.Ticket : x.Ticket with { Kept = x.Figures.ToMeasures() })
        .ToList();

    /// <summary>The tickets behind one number of the report, in the order they arrived.</summary>
    public async Task<(ReportData Data, IReadOnlyList<ReportTicket> Tickets)> DrillDownAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        ReportAccess.DemandBreakdown(actor, filter.Dimension);
        var data = await LoadAsync(actor, filter.Period, ct);
        return (data, Matching(data, filter));
    }

    /// <summary>A breakdown's rows, for whoever may break the figures down that way.</summary>
    public async Task<(ReportData Data, IReadOnlyList<BreakdownRow> Rows)> BreakdownAsync(Actor actor, ReportPeriod period, ReportDimension dimension,
        CancellationToken ct = default)
    {
        ReportAccess.DemandBreakdown(actor, dimension);
        var data = await LoadAsync(actor, period, ct);
        return (data, data.Report.Breakdown(data.Tickets, period, data.AtUtc, dimension));
    }

    public static IReadOnlyList<ReportTicket> Matching(ReportData data, ReportFilter filter) =>
        data.Tickets.Where(t => filter.Matches(t, data.AtUtc)).OrderBy(t => t.RegisteredAtUtc).ThenBy(t => t.Id).ToList();
}
