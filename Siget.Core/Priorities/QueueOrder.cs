using Siget.Core.Tickets;

namespace Siget.Core.Priorities;

/// <summary>
/// The order of the queue, said once: higher priority first; within a priority, top management and
/// citizen-facing services first (MTPE 6.3.e); then the earliest SLA due time; then the oldest number.
/// <see cref="Apply"/> is for database queries, <see cref="Comparer"/> for lists already in memory.
/// </summary>
public static class QueueOrder
{
    public static IOrderedQueryable<Ticket> Apply(IQueryable<Ticket> tickets) => tickets
        .OrderByDescending(t => t.Priority)
        .ThenByDescending(t => t.Preferential)
        .ThenBy(t => t.NextDueUtc == null)
        .ThenBy(t => t.NextDueUtc)
        .ThenBy(t => t.Id);

    public static IComparer<Ticket> Comparer { get; } = Comparer<Ticket>.Create((a, b) =>
    {
        var c = b.Priority.CompareTo(a.Priority);
        if (c == 0) c = b.Preferential.CompareTo(a.Preferential);
        if (c == 0) c = (a.NextDueUtc is null).CompareTo(b.NextDueUtc is null);
        if (c == 0) c = Nullable.Compare(a.NextDueUtc, b.NextDueUtc);
        if (c == 0) c = a.Id.CompareTo(b.Id);
        return c;
    });

    /// <summary>
    /// A requester's own list (Mis tickets): those waiting for their confirmation first, then the rest; newest first
    /// within each group, so a ticket that just changed for them (resolved, cancelled) is at the top, not pages away.
    /// </summary>
    public static IOrderedQueryable<Ticket> ForRequester(IQueryable<Ticket> tickets) => tickets
        .OrderByDescending(t => t.State == TicketState.Resuelto)
        .ThenByDescending(t => t.RegisteredAtUtc)
        .ThenByDescending(t => t.Id);

    /// <summary>Whether a requester is served first within the priority.</summary>
    public static bool IsPreferential(Access.Classification? classification, bool unitServesCitizens) =>
        Access.RoleNames.IsTopManagement(classification) || unitServesCitizens;
}
