using Siget.Core.Escalation;

namespace Siget.Core.Reports;

/// <summary>
/// A drill-down: the tickets of a set in a period, optionally only those of one value of a breakdown
/// (a channel, a subcategory…) and, for escalations, from one level.
/// </summary>
public sealed record ReportFilter(ReportPeriod Period, ReportSet Set, ReportDimension? Dimension = null, string? Key = null, SupportLevel? Level = null)
{
    public bool Matches(ReportTicket ticket, DateTime nowUtc) =>
        Set.Contains(ticket, Period, nowUtc, Level) && (Dimension is not { } dimension || dimension.KeyOf(ticket) == Key);
}
