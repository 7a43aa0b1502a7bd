using Siget.Core.Escalation;
using Siget.Core.Sla;

namespace Siget.Core.Reports;

/// <summary>A stretch of a ticket's life at one support level.</summary>
public readonly record struct LevelStay(SupportLevel Level, DateTime FromUtc, DateTime ToUtc)
{
    public TimeSpan BusinessTime(BusinessCalendar calendar) => calendar.BusinessTimeBetween(FromUtc, ToUtc);
}

public static class LevelStays
{
    /// <summary>
    /// The levels a ticket went through, from registration to its resolution (or cancellation, or now if still open):
    /// one stay per level visit, so a ticket escalated and sent back has two stays at the lower level.
    /// </summary>
    public static IReadOnlyList<LevelStay> Of(ReportTicket ticket, DateTime nowUtc)
    {
        var end = ticket.WorkEndUtc(nowUtc);
        var stays = new List<LevelStay>(ticket.Moves.Count + 1);
        var level = ticket.Moves.Count > 0 ? ticket.Moves[0].From : ticket.Level;
        var since = ticket.RegisteredAtUtc;
        foreach (var move in ticket.Moves)
        {
            // A level left at once (escalated the minute it arrived) still counts as visited, for no time.
            var until = move.AtUtc < end ? move.AtUtc : end;
            if (until < since) until = since;
            stays.Add(new LevelStay(level, since, until));
            (level, since) = (move.To, until);
        }
        stays.Add(new LevelStay(level, since, end > since ? end : since));
        return stays;
    }
}
