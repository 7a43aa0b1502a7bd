using Siget.Core.Escalation;

namespace Siget.Core.Reports;

/// <summary>How long the open tickets have waited, in calendar days since registration.</summary>
public sealed record BacklogAge(int UnderOneDay, int OneToThreeDays, int ThreeToSevenDays, int OverSevenDays)
{
    public int Total => UnderOneDay + OneToThreeDays + ThreeToSevenDays + OverSevenDays;
}

/// <summary>One level's share of the escalations: how many tickets passed through it, how many went up from it, and how long they stayed.</summary>
public sealed record LevelFigures(SupportLevel Level, int Visited, int EscalatedFrom, DurationStats TimeAtLevel)
{
    public Share EscalationRate => new(EscalatedFrom, Visited);
}

/// <summary>The requesters' ratings of the tickets closed in the period.</summary>
public sealed record SatisfactionFigures(int Closed, int Rated, double? Average, IReadOnlyList<int> Distribution)
{
    /// <summary>Ratings given over tickets closed.</summary>
    public Share ResponseRate => new(Rated, Closed);
}

/// <summary>A vendor company's work at Nivel 3 against the resolution time of its contract (business hours).</summary>
public sealed record VendorFigures(int VendorCompanyId, int Received, int Resolved, int? ContractHours, int WithinContract, DurationStats TimeAtVendor)
{
    public Share ContractCompliance => new(WithinContract, Resolved);
}

/// <summary>A reopening in the period and its reason, for the list the supervisor reads.</summary>
public sealed record ReopenReason(int TicketId, string Number, DateTime AtUtc, string? Reason);

/// <summary>The dashboard's figures for one period (see <see cref="ReportSet"/> for what each set counts).</summary>
public sealed record ServiceFigures(
    ReportPeriod Period,
    DateTime AtUtc,
    int Received,
    int Resolved,
    BacklogAge Backlog,
    DurationStats FirstResponse,
    DurationStats Resolution,
    Share ResponseOnTime,
    Share ResolutionOnTime,
    Share FirstContact,
    IReadOnlyList<LevelFigures> Levels,
    Share Reopened,
    IReadOnlyList<ReopenReason> ReopenReasons,
    SatisfactionFigures Satisfaction,
    IReadOnlyList<VendorFigures> Vendors);
