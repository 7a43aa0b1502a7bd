using Siget.Core.Escalation;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Core.Reports;

/// <summary>
/// A ticket's business-time measures, kept beside it: written in the transaction of every change that moves them and
/// rebuilt from history by <c>recalcular-indicadores</c>, both with <see cref="Of"/>. Only the stay still running
/// depends on the hour of reading; <see cref="TimeAtLevel"/> adds it.
/// </summary>
public sealed record TicketMeasures
{
    /// <summary>Business time from registration to first response; null while unanswered.</summary>
    public TimeSpan? FirstResponse { get; init; }
    /// <summary>Business time from registration to the current resolution; null while unresolved.</summary>
    public TimeSpan? Resolution { get; init; }
    /// <summary>Business time at each level in the stays that have ended (every stay, once the work has ended).</summary>
    public required IReadOnlyDictionary<SupportLevel, TimeSpan> EndedStays { get; init; }
    /// <summary>The stay that still runs (the ticket is neither resolved nor cancelled): its level and start.</summary>
    public (SupportLevel Level, DateTime SinceUtc)? RunningStay { get; init; }
    public int Reopenings { get; init; }
    public int Escalations { get; init; }

    /// <summary>The measures of a ticket with its level moves and reopenings (<see cref="ReportTicket.WithHistory"/>),
    /// on <paramref name="calendar"/>: the same stays and the same business time the reports work out.</summary>
    public static TicketMeasures Of(ReportTicket ticket, BusinessCalendar calendar)
    {
        var workEnded = ticket.ResolvedAtUtc is not null || ticket.Cancelled;
        // An open ticket's stays up to its last move: the last of them is the one still running.
        var stays = LevelStays.Of(ticket, workEnded ? ticket.WorkEndUtc(DateTime.MaxValue) : ticket.Moves.Count > 0 ? ticket.Moves.Max(m => m.AtUtc) : ticket.RegisteredAtUtc);
        var ended = workEnded ? stays : stays.Take(stays.Count - 1);
        return new TicketMeasures
        {
            FirstResponse = ticket.FirstResponseAtUtc is { } answered ? calendar.BusinessTimeBetween(ticket.RegisteredAtUtc, answered) : null,
            Resolution = ticket.ResolvedAtUtc is { } resolved ? calendar.BusinessTimeBetween(ticket.RegisteredAtUtc, resolved) : null,
            EndedStays = ended.GroupBy(s => s.Level).ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.BusinessTime(calendar))),
            RunningStay = workEnded ? null : (stays[^1].Level, stays[^1].FromUtc),
            Reopenings = ticket.Reopenings.Count,
            Escalations = ticket.Moves.Count(m => m.To > m.From),
        };
    }

    /// <summary>Business time at each level visited, the running stay counted up to <paramref name="nowUtc"/>.</summary>
    public IReadOnlyDictionary<SupportLevel, TimeSpan> TimeAtLevel(BusinessCalendar calendar, DateTime nowUtc)
    {
        if (RunningStay is not { } running) return EndedStays;
        var levels = new Dictionary<SupportLevel, TimeSpan>(EndedStays);
        levels[running.Level] = levels.GetValueOrDefault(running.Level) + calendar.BusinessTimeBetween(running.SinceUtc, nowUtc);
        return levels;
    }
}

/// <summary>The lines of a ticket's history the reports read: level moves and reopenings.</summary>
public sealed record ReportHistoryEntry(DateTime AtUtc, TicketAction Action, SupportLevel? FromLevel, SupportLevel? ToLevel, string? Reason)
{
    public static readonly TicketAction[] Actions = [TicketAction.Escalar, TicketAction.Devolver, TicketAction.Reabrir];
}
