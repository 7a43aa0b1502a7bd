namespace Siget.Core.Sla;

/// <summary>The two clocks of a ticket's SLA.</summary>
public enum SlaClock
{
    PrimeraRespuesta = 1,
    Resolucion = 2,
}

public enum SlaAlertKind
{
    /// <summary>75 % of the target has passed.</summary>
    Advertencia = 1,
    /// <summary>The due time has passed.</summary>
    Vencimiento = 2,
}

/// <summary>What the SLA engine has already said about a ticket, so that it never says it twice (restarts and
/// overlapping passes included). Stored with the ticket.</summary>
[Flags]
public enum SlaMarks
{
    None = 0,
    ResponseWarned = 1,
    ResponseBreached = 2,
    ResolutionWarned = 4,
    ResolutionBreached = 8,
}

/// <summary>One thing a pass of the SLA engine found on a ticket.</summary>
public sealed record SlaAlert(SlaClock Clock, SlaAlertKind Kind, DateTime DueUtc);

/// <summary>What reviewing one ticket's clocks produced: new alerts, and whether it was escalated for lack of progress.</summary>
public sealed record SlaReview(IReadOnlyList<SlaAlert> Alerts, bool Escalated)
{
    public static SlaReview Nothing { get; } = new([], false);
    public bool Any => Alerts.Count > 0;
}

public static class SlaClockNames
{
    public static string Label(this SlaClock clock) => clock switch
    {
        SlaClock.PrimeraRespuesta => "primera respuesta",
        _ => "resolución",
    };
}
