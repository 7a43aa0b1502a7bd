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

    /// <summary>Its business-time measures as kept in the database (<see cref="TicketMeasures"/>); null when the report
    /// works them out from the moves on its calendar.</summary>
    public TicketMeasures? Kept { get; init; }

    public bool Cancelled => State == TicketState.Anulado;

    /// <summary>The ticket with its level moves and reopenings, from its history lines in the order they happened.</summary>
    public ReportTicket WithHistory(IEnumerable<ReportHistoryEntry> entries)
    {
        var list = entries as IReadOnlyCollection<ReportHistoryEntry> ?? entries.ToList();
        if (list.Count == 0) return this;
        return this with
        {
            Moves = list.Where(h => h.Action != TicketAction.Reabrir && h.FromLevel is { } a && h.ToLevel is { } b && a != b)
                .Select(h => new LevelMove(h.AtUtc, h.FromLevel!.Value, h.ToLevel!.Value)).ToList(),
            Reopenings = list.Where(h => h.Action == TicketAction.Reabrir).Select(h => new Reopening(h.AtUtc, h.Reason)).ToList(),
        };
    }

    /// <summary>The facts of a ticket the measures need (<see cref="TicketMeasures.Of"/>), read from the ticket itself.</summary>
    public static ReportTicket Of(Ticket ticket) => new()
    {
        Id = ticket.Id, Number = ticket.Number, Subject = ticket.Subject, Kind = ticket.Kind, Channel = ticket.Channel,
        SubcategoryCode = ticket.SubcategoryCode, UnitId = ticket.UnitId, Priority = ticket.Priority, State = ticket.State, Level = ticket.Level,
        AssigneeId = ticket.AssigneeId, AssigneeName = ticket.AssigneeName, VendorCompanyId = ticket.VendorCompanyId,
        RegisteredAtUtc = ticket.RegisteredAtUtc, FirstResponseDueUtc = ticket.FirstResponseDueUtc, FirstResponseAtUtc = ticket.FirstResponseAtUtc,
        ResolutionDueUtc = ticket.ResolutionDueUtc, ResolvedAtUtc = ticket.ResolvedAtUtc, ClosedAtUtc = ticket.ClosedAtUtc,
        SatisfactionRating = ticket.SatisfactionRating,
    };

    public bool WasEscalated => Moves.Any(m => m.To > m.From);

    /// <summary>Where the ticket's work ends for the clocks: resolved, cancelled, or still running at <paramref name="nowUtc"/>.</summary>
    public DateTime WorkEndUtc(DateTime nowUtc) => ResolvedAtUtc ?? (Cancelled ? ClosedAtUtc ?? nowUtc : nowUtc);
}
