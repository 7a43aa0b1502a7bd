using Siget.Core.Priorities;

namespace Siget.Core.Sla;

/// <summary>The targets and the calendar the SLA clocks of new tickets are computed with.</summary>
public sealed record SlaPolicy(SlaTargets Targets, BusinessCalendar Calendar)
{
    public SlaDueTimes DueTimes(DateTime startUtc, Priority priority) =>
        SlaDueTimes.Compute(startUtc, priority, Targets, Calendar);
}
