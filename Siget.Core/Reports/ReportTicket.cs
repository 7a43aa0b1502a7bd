using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Core.Reports;

/// <summary>A change of support level in a ticket's history (an escalation up, or a return down).</summary>
public readonly record struct LevelMove(DateTime AtUtc, SupportLevel From, SupportLevel To);

/// <summary>A reopening: when, and the reason the requester or the staff gave.</summary>
public sealed record Reopening(DateTime AtUtc, string? Reason);

/// <summary>
/// The facts of one ticket that the reports are computed from: when it arrived, was answered, solved and closed,
/// its clocks' due times, where it sits in each breakdown, and its level moves and reopenings.
/// </summary>
public sealed record ReportTicket
{
    public required int Id { get; init; }
    public required string Number { get; init; }
    public string Subject { get; init; } = "";
    public TicketKind Kind { get; init; }
    public Channel Channel { get; init; }
    public int SubcategoryCode { get; init; }
    public int CategoryId { get; init; }
    public int? UnitId { get; init; }
    public Priority Priority { get; init; }
    public TicketState State { get; init; }
    public SupportLevel Level { get; init; }
    public string? AssigneeId { get; init; }
    public string? AssigneeName { get; init; }
    public int? VendorCompanyId { get; init; }
    public required DateTime RegisteredAtUtc { get; init; }
    public required DateTime FirstResponseDueUtc { get; init; }
    public DateTime? FirstResponseAtUtc { get; init; }
    public required DateTime ResolutionDueUtc { get; init; }
    public DateTime? ResolvedAtUtc { get; init; }
    public DateTime? ClosedAtUtc { get; init; }
    public int? SatisfactionRating { get; init; }
    /// <summary>In the order they happened.</summary>
    public IReadOnlyList<LevelMove> Moves { get; init; } = [];
    public IReadOnlyList<Reopening> Reopenings { get; init; } = [];

    public bool Cancelled => State == TicketState.Anulado;

    public bool WasEscalated => Moves.Any(m => m.To > m.From);

    /// <summary>Where the ticket's work ends for the clocks: resolved, cancelled, or still running at <paramref name="nowUtc"/>.</summary>
    public DateTime WorkEndUtc(DateTime nowUtc) => ResolvedAtUtc ?? (Cancelled ? ClosedAtUtc ?? nowUtc : nowUtc);
}
