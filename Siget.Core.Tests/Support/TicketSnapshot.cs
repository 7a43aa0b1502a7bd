using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Support;

/// <summary>Everything a refused change must leave as it was.</summary>
public sealed record TicketSnapshot(
    TicketState State, SupportLevel Level, string? AssigneeId, int? VendorCompanyId, long Version, int HistoryCount,
    DateTime UpdatedAtUtc, DateTime? NextDueUtc, DateTime? FirstResponseAtUtc, DateTime? ResolvedAtUtc, DateTime? ClosedAtUtc,
    string? Solution)
{
    public static TicketSnapshot Of(Ticket t) => new(t.State, t.Level, t.AssigneeId, t.VendorCompanyId, t.Version, t.History.Count,
        t.UpdatedAtUtc, t.NextDueUtc, t.FirstResponseAtUtc, t.ResolvedAtUtc, t.ClosedAtUtc, t.Solution);
}
