using Siget.Core.Priorities;

namespace Siget.Core.Sla;

/// <summary>Time targets in business hours for one priority.</summary>
public sealed record SlaTarget(TimeSpan FirstResponse, TimeSpan Resolution);

/// <summary>Targets per priority. Defaults: Alta 1 h / 4 h, Media 4 h / 16 h, Baja 8 h / 40 h.</summary>
public sealed record SlaTargets(SlaTarget Alta, SlaTarget Media, SlaTarget Baja)
{
    public static SlaTargets Default { get; } = new(
        new(TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
        new(TimeSpan.FromHours(4), TimeSpan.FromHours(16)),
        new(TimeSpan.FromHours(8), TimeSpan.FromHours(40)));

    public SlaTarget For(Priority priority) => priority switch
    {
        Priority.Alta => Alta,
        Priority.Media => Media,
        _ => Baja,
    };
}

/// <summary>The due points of a ticket's SLA clocks.</summary>
public sealed record SlaDueTimes(DateTime FirstResponseDueUtc, DateTime ResolutionDueUtc)
{
    public static SlaDueTimes Compute(DateTime startUtc, Priority priority, SlaTargets targets, BusinessCalendar calendar)
    {
        var target = targets.For(priority);
        return new(calendar.AddBusinessTime(startUtc, target.FirstResponse), calendar.AddBusinessTime(startUtc, target.Resolution));
    }
}
