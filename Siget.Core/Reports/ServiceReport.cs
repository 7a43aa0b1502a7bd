using System.Collections.Concurrent;
using Siget.Core.Escalation;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Core.Reports;

/// <summary>
/// Computes the dashboard, its breakdowns and its trends from the tickets of a period (received, resolved or closed in
/// it, and the ones open now). Durations are business time on the agency's calendar. Every count is the size of a
/// <see cref="ReportSet"/>, so a number and its drill-down never disagree.
/// </summary>
public sealed class ServiceReport(BusinessCalendar calendar)
{
    public BusinessCalendar Calendar => calendar;

    /// <summary>A ticket's business-time measures at one instant, worked out once: a dashboard, its breakdowns and its exports all read them.</summary>
    private sealed record Measures(DateTime Now, TimeSpan? FirstResponse, TimeSpan? Resolution, IReadOnlyDictionary<SupportLevel, TimeSpan> TimeAtLevel);

    // Keyed by the ticket object (not its value): a report's data keeps its own ServiceReport, and both go together.
    private readonly ConcurrentDictionary<ReportTicket, Measures> _measures = new(ReferenceEqualityComparer.Instance);

    private Measures Measure(ReportTicket t, DateTime nowUtc)
    {
        if (_measures.TryGetValue(t, out var known) && known.Now == nowUtc) return known;
        // Kept measures (read with the ticket) leave only the running stay to work out; else everything is worked out here.
        var measures = t.Kept is { } kept
            ? new Measures(nowUtc, kept.FirstResponse, kept.Resolution, kept.TimeAtLevel(calendar, nowUtc))
            : new Measures(nowUtc,
                t.FirstResponseAtUtc is { } answered ? calendar.BusinessTimeBetween(t.RegisteredAtUtc, answered) : null,
                t.ResolvedAtUtc is { } resolved ? calendar.BusinessTimeBetween(t.RegisteredAtUtc, resolved) : null,
                LevelStays.Of(t, nowUtc).GroupBy(s => s.Level).ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.BusinessTime(calendar))));
        _measures[t] = measures;
        return measures;
    }

    /// <summary>Works out every ticket's measures ahead, on all cores (the figures then only read them).</summary>
    public void Measure(IReadOnlyList<ReportTicket> tickets, DateTime nowUtc) =>
        Parallel.For(0, tickets.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => Measure(tickets[i], nowUtc));

    /// <summary>Business time from registration to first response, or null if not answered.</summary>
    public TimeSpan? FirstResponseTime(ReportTicket ticket, DateTime nowUtc) => Measure(ticket, nowUtc).FirstResponse;

    /// <summary>Business time from registration to resolution, or null if not resolved.</summary>
    public TimeSpan? ResolutionTime(ReportTicket ticket, DateTime nowUtc) => Measure(ticket, nowUtc).Resolution;

    /// <summary>Business time at each level the ticket visited, up to its resolution or <paramref name="nowUtc"/>.</summary>
    public IReadOnlyDictionary<SupportLevel, TimeSpan> TimeAtLevel(ReportTicket ticket, DateTime nowUtc) => Measure(ticket, nowUtc).TimeAtLevel;

    public ServiceFigures Figures(IReadOnlyCollection<ReportTicket> tickets, ReportPeriod period, DateTime nowUtc,
        IReadOnlyDictionary<int, int?>? vendorContractHours = null)
    {
        bool In(ReportTicket t, ReportSet set) => set.Contains(t, period, nowUtc);
        var received = tickets.Where(t => In(t, ReportSet.Recibidos)).ToList();
        var resolved = tickets.Where(t => In(t, ReportSet.Resueltos)).ToList();

        var responseClock = received.Select(t => ReportSets.ResponseOnTime(t, nowUtc)).Where(r => r is not null).ToList();
        var resolutionClock = received.Select(t => ReportSets.ResolutionOnTime(t, nowUtc)).Where(r => r is not null).ToList();

        return new ServiceFigures(
            period, nowUtc,
            Received: received.Count,
            Resolved: resolved.Count,
            Backlog: Backlog(tickets.Where(t => t.State.IsOpen()), nowUtc),
            FirstResponse: DurationStats.Of(received.Where(t => t.FirstResponseAtUtc is not null && !t.Cancelled)
                .Select(t => FirstResponseTime(t, nowUtc)!.Value)),
            Resolution: DurationStats.Of(resolved.Select(t => ResolutionTime(t, nowUtc)!.Value)),
            ResponseOnTime: new Share(responseClock.Count(r => r == true), responseClock.Count),
            ResolutionOnTime: new Share(resolutionClock.Count(r => r == true), resolutionClock.Count),
            FirstContact: new Share(resolved.Count(ReportSets.FirstContact), resolved.Count),
            Levels: Levels(received, nowUtc),
            Reopened: new Share(resolved.Count(t => In(t, ReportSet.Reabiertos)), resolved.Count),
            ReopenReasons: tickets.SelectMany(t => t.Reopenings.Where(r => period.Contains(r.AtUtc)).Select(r => new ReopenReason(t.Id, t.Number, r.AtUtc, r.Reason)))
                .OrderByDescending(r => r.AtUtc).ToList(),
            Satisfaction: Satisfaction(tickets.Where(t => In(t, ReportSet.Cerrados)).ToList()),
            Vendors: Vendors(tickets, period, nowUtc, vendorContractHours ?? new Dictionary<int, int?>()));
    }

    /// <summary>The figures of each value of a breakdown, busiest first; tickets with no value (no unit, nobody assigned) are left out.</summary>
    public IReadOnlyList<BreakdownRow> Breakdown(IReadOnlyCollection<ReportTicket> tickets, ReportPeriod period, DateTime nowUtc, ReportDimension dimension) =>
        tickets.Select(t => (Key: dimension.KeyOf(t), Ticket: t))
            .Where(x => x.Key is not null)
            .GroupBy(x => x.Key!, x => x.Ticket)
            .Select(g =>
            {
                var group = g.ToList();
                var resolved = group.Where(t => ReportSet.Resueltos.Contains(t, period, nowUtc)).ToList();
                var clock = group.Where(t => ReportSet.Recibidos.Contains(t, period, nowUtc))
                    .Select(t => ReportSets.ResolutionOnTime(t, nowUtc)).Where(r => r is not null).ToList();
                return new BreakdownRow(g.Key,
                    Received: group.Count(t => ReportSet.Recibidos.Contains(t, period, nowUtc)),
                    Resolved: resolved.Count,
                    ResolutionOnTime: new Share(clock.Count(r => r == true), clock.Count),
                    Resolution: DurationStats.Of(resolved.Select(t => ResolutionTime(t, nowUtc)!.Value)),
                    Reopened: resolved.Count(t => t.Reopenings.Count > 0),
                    OpenNow: group.Count(t => t.State.IsOpen()));
            })
            .Where(r => r.Received + r.Resolved + r.OpenNow > 0)
            .OrderByDescending(r => r.Received).ThenByDescending(r => r.Resolved).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>Received and resolved per day, week (Monday first) or month of the period, in Lima.</summary>
    public IReadOnlyList<TrendPoint> Trend(IReadOnlyCollection<ReportTicket> tickets, ReportPeriod period, TrendStep step)
    {
        var points = new List<TrendPoint>();
        for (var start = step.Start(period.From); start <= period.To; start = step.Next(start)) points.Add(new TrendPoint(start, 0, 0));
        var index = points.Select((p, i) => (p.Start, i)).ToDictionary(x => x.Start, x => x.i);
        var received = new int[points.Count];
        var resolved = new int[points.Count];
        foreach (var t in tickets)
        {
            if (period.Contains(t.RegisteredAtUtc)) received[index[step.Start(ReportPeriod.LimaDate(t.RegisteredAtUtc))]]++;
            // As ReportSet.Resueltos: a cancelled ticket counts as received only.
            if (t.ResolvedAtUtc is { } at && !t.Cancelled && period.Contains(at)) resolved[index[step.Start(ReportPeriod.LimaDate(at))]]++;
        }
        return points.Select((p, i) => p with { Received = received[i], Resolved = resolved[i] }).ToList();
    }


    private static BacklogAge Backlog(IEnumerable<ReportTicket> open, DateTime nowUtc)
    {
        var ages = open.Select(t => ReportSets.Age(t, nowUtc)).ToList();
        return new BacklogAge(ages.Count(a => a == ReportSet.AbiertosMenosDeUnDia), ages.Count(a => a == ReportSet.AbiertosDeUnoATresDias),
            ages.Count(a => a == ReportSet.AbiertosDeTresASieteDias), ages.Count(a => a == ReportSet.AbiertosMasDeSieteDias));
    }

    private List<LevelFigures> Levels(IReadOnlyList<ReportTicket> received, DateTime nowUtc)
    {
        var measured = received.Where(t => !t.Cancelled).Select(t => (Ticket: t, Levels: Measure(t, nowUtc).TimeAtLevel)).ToList();
        return Enum.GetValues<SupportLevel>()
            .Select(level =>
            {
                var visited = measured.Where(m => ReportSets.Visited(m.Ticket, level)).ToList();
                return new LevelFigures(level, visited.Count,
                    EscalatedFrom: visited.Count(m => m.Ticket.Moves.Any(x => x.From == level && x.To > level)),
                    TimeAtLevel: DurationStats.Of(visited.Select(m => m.Levels.GetValueOrDefault(level))));
            })
            .Where(l => l.Visited > 0)
            .ToList();
    }

    private static SatisfactionFigures Satisfaction(IReadOnlyList<ReportTicket> closed)
    {
        var ratings = closed.Where(t => t.SatisfactionRating is not null).Select(t => t.SatisfactionRating!.Value).ToList();
        var distribution = Enumerable.Range(Tickets.Satisfaction.MinRating, Tickets.Satisfaction.MaxRating - Tickets.Satisfaction.MinRating + 1)
            .Select(star => ratings.Count(r => r == star)).ToList();
        return new SatisfactionFigures(closed.Count, ratings.Count, ratings.Count == 0 ? null : ratings.Average(), distribution);
    }

    /// <summary>
    /// Per company: tickets of the period that reached it, those it resolved, and how many within the contract's
    /// resolution time, counted as business time spent at Nivel 3.
    /// </summary>
    private List<VendorFigures> Vendors(IReadOnlyCollection<ReportTicket> tickets, ReportPeriod period, DateTime nowUtc, IReadOnlyDictionary<int, int?> contractHours) =>
        tickets.Where(t => t.VendorCompanyId is not null)
            .Where(t => ReportSet.Recibidos.Contains(t, period, nowUtc) || ReportSet.Resueltos.Contains(t, period, nowUtc))
            .GroupBy(t => t.VendorCompanyId!.Value)
            .Select(g =>
            {
                var hours = contractHours.GetValueOrDefault(g.Key);
                var atVendor = g.Select(t => (Ticket: t, Time: Measure(t, nowUtc).TimeAtLevel.GetValueOrDefault(SupportLevel.Nivel3))).ToList();
                var resolved = atVendor.Where(x => ReportSet.Resueltos.Contains(x.Ticket, period, nowUtc)).ToList();
                return new VendorFigures(g.Key,
                    Received: g.Count(t => ReportSet.Recibidos.Contains(t, period, nowUtc)),
                    Resolved: resolved.Count,
                    ContractHours: hours,
                    WithinContract: hours is int h ? resolved.Count(x => x.Time <= TimeSpan.FromHours(h)) : 0,
                    TimeAtVendor: DurationStats.Of(resolved.Select(x => x.Time)));
            })
            .OrderByDescending(v => v.Received + v.Resolved)
            .ToList();
}
