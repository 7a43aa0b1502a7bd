using Siget.Core.Priorities;

namespace Siget.Core.Sla;

/// <summary>The targets and the calendar the SLA clocks of new tickets are computed with.</summary>
public sealed record SlaPolicy(SlaTargets Targets, BusinessCalendar Calendar)
{
    /// <summary>Share of a target after which a clock turns amber and the assignee is warned.</summary>
    public const double WarningShare = 0.75;

    public SlaDueTimes DueTimes(DateTime startUtc, Priority priority) =>
        SlaDueTimes.Compute(startUtc, priority, Targets, Calendar);

    /// <summary>The instant 75 % of the business time between start and due has passed.</summary>
    public DateTime WarningAt(DateTime startUtc, DateTime dueUtc) =>
        Calendar.AddBusinessTime(startUtc, Calendar.BusinessTimeBetween(startUtc, dueUtc) * WarningShare);

    /// <summary>Business time used of a clock that runs from <paramref name="startUtc"/> to <paramref name="dueUtc"/>, at <paramref name="nowUtc"/>.</summary>
    public SlaProgress Progress(DateTime startUtc, DateTime dueUtc, DateTime nowUtc) =>
        new(Calendar.BusinessTimeBetween(startUtc, nowUtc < startUtc ? startUtc : nowUtc), Calendar.BusinessTimeBetween(startUtc, dueUtc));
}

/// <summary>How much of a target's business time is used; over 100 % once breached.</summary>
public sealed record SlaProgress(TimeSpan Used, TimeSpan Target)
{
    public double Share => Target <= TimeSpan.Zero ? 1 : Used / Target;
}
