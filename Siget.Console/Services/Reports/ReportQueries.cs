using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
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
    private static readonly TicketAction[] HistoryRead = [TicketAction.Escalar, TicketAction.Devolver, TicketAction.Reabrir];

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    private const int MaxKept = 8;

    private readonly ConcurrentDictionary<(int? Vendor, DateOnly From, DateOnly To, long Version), Lazy<Task<ReportData>>> _kept = new();

    public Task<ReportData> LoadAsync(Actor actor, ReportPeriod period, CancellationToken ct = default)
    {
        ReportAccess.Demand(actor);
        var version = feed.Version;
        var key = (ReportAccess.SeesWholeService(actor) ? (int?)null : actor.VendorCompanyId, period.From, period.To, version);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (k, kept) in _kept)
            if (k.Version != version || (kept.Value.IsCompleted && (kept.Value.IsFaulted || kept.Value.IsCanceled || now - kept.Value.Result.AtUtc > MaxAge)))
                _kept.TryRemove(k, out _);
        if (_kept.Count >= MaxKept) _kept.Clear();
        // Off the caller's thread (SQLite reads complete synchronously): a screen's circuit stays responsive meanwhile.
        var entry = _kept.GetOrAdd(key, _ => new Lazy<Task<ReportData>>(() => Task.Run(() => ReadAsync(actor, period, CancellationToken.None))));
        return entry.Value.WaitAsync(ct);
    }

    private async Task<ReportData> ReadAsync(Actor actor, ReportPeriod period, CancellationToken ct)
    {
        var scope = ReportAccess.Scope(actor); // refuses whoever may not read reports
        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to) = (period.FromUtc, period.ToUtc);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var tickets = await db.Tickets.AsNoTracking().Where(scope)
            .Where(t => (t.RegisteredAtUtc >= from && t.RegisteredAtUtc < to)
                || (t.ResolvedAtUtc >= from && t.ResolvedAtUtc < to)
                || (t.ClosedAtUtc >= from && t.ClosedAtUtc < to)
                || t.State == TicketState.EnCola || t.State == TicketState.EnProceso)
            .Join(db.Subcategories, t => t.SubcategoryCode, s => s.Code, (t, s) => new ReportTicket
            {
                Id = t.Id, Number = t.Number, Subject = t.Subject, Kind = t.Kind, Channel = t.Channel, SubcategoryCode = t.SubcategoryCode,
                CategoryId = s.CategoryId, UnitId = t.UnitId, Priority = t.Priority, State = t.State, Level = t.Level,
                AssigneeId = t.AssigneeId, AssigneeName = t.AssigneeName, VendorCompanyId = t.VendorCompanyId,
                RegisteredAtUtc = t.RegisteredAtUtc, FirstResponseDueUtc = t.FirstResponseDueUtc, FirstResponseAtUtc = t.FirstResponseAtUtc,
                ResolutionDueUtc = t.ResolutionDueUtc, ResolvedAtUtc = t.ResolvedAtUtc, ClosedAtUtc = t.ClosedAtUtc,
                SatisfactionRating = t.SatisfactionRating,
            })
            .ToListAsync(ct);

        var ids = tickets.Select(t => t.Id).ToList();
        var history = (await db.TicketHistory.AsNoTracking()
            .Where(h => HistoryRead.Contains(h.Action) && EF.Parameter(ids).Contains(h.TicketId)) // one JSON parameter
            .OrderBy(h => h.TicketId).ThenBy(h => h.AtUtc).ThenBy(h => h.Id)
            .Select(h => new { h.TicketId, h.AtUtc, h.Action, h.FromLevel, h.ToLevel, h.Reason })
            .ToListAsync(ct))
            .ToLookup(h => h.TicketId);
        var withHistory = tickets.Select(t => history[t.Id] is var entries && !entries.Any() ? t : t with
        {
            Moves = entries.Where(h => h.Action != TicketAction.Reabrir && h.FromLevel is { } a && h.ToLevel is { } b && a != b)
                .Select(h => new LevelMove(h.AtUtc, h.FromLevel!.Value, h.ToLevel!.Value)).ToList(),
            Reopenings = entries.Where(h => h.Action == TicketAction.Reabrir).Select(h => new Reopening(h.AtUtc, h.Reason)).ToList(),
        }).ToList();

        var names = new ReportNames(
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct),
            await db.Subcategories.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, ct),
            (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct)).ToDictionary(u => u.Id, u => (u.Name, u.Kind)),
            await db.Users.AsNoTracking().Where(u => u.Role != Role.Usuario).ToDictionaryAsync(u => u.Id, u => u.FullName, ct),
            (await db.VendorCompanies.AsNoTracking().Select(v => new { v.Id, v.Name, v.ContractSlaHours }).ToListAsync(ct))
                .ToDictionary(v => v.Id, v => (v.Name, v.ContractSlaHours)));
        return new ReportData(period, now, withHistory, names, ReportAccess.SeesWholeService(actor), new ServiceReport(settings.Policy.Calendar));
    }

    /// <summary>The tickets behind one number of the report, in the order they arrived.</summary>
    public async Task<(ReportData Data, IReadOnlyList<ReportTicket> Tickets)> DrillDownAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        var data = await LoadAsync(actor, filter.Period, ct);
        return (data, Matching(data, filter));
    }

    public static IReadOnlyList<ReportTicket> Matching(ReportData data, ReportFilter filter) =>
        data.Tickets.Where(t => filter.Matches(t, data.AtUtc)).OrderBy(t => t.RegisteredAtUtc).ThenBy(t => t.Id).ToList();
}
