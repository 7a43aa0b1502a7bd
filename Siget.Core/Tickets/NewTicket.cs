using Siget.Core.Catalog;
using Siget.Core.Priorities;

namespace Siget.Core.Tickets;

/// <summary>What a person says when a ticket is registered. The requester fields are resolved by the caller.</summary>
public sealed record NewTicket(
    TicketKind Kind,
    Channel Channel,
    int SubcategoryCode,
    string Subject,
    string Description,
    OperatingImpact Impact,
    bool AlternativeAvailable,
    TicketRequester Requester);

/// <summary>Who the ticket is for, as known at registration (a snapshot: later renames do not rewrite tickets).</summary>
public sealed record TicketRequester(string UserId, string Name, int? UnitId, string? UnitName, bool Preferential);

public static class TicketLimits
{
    public const int SubjectMaxLength = 150;
    public const int DescriptionMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int SolutionMaxLength = 4000;
}
