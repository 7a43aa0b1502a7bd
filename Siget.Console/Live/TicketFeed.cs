using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Live;

/// <summary>What a committed command changed in a ticket; enough for a screen to decide whether to refresh.</summary>
public sealed record TicketChanged(
    int TicketId, string Number, TicketAction Action, TicketState State, SupportLevel Level,
    string? AssigneeId, Priority Priority, DateTime? NextDueUtc, long Version)
{
    public static TicketChanged From(Ticket ticket, TicketAction action) => new(
        ticket.Id, ticket.Number, action, ticket.State, ticket.Level, ticket.AssigneeId, ticket.Priority, ticket.NextDueUtc, ticket.Version);
}

/// <summary>
/// The in-process change feed: services publish after each commit; screens subscribe after first render and
/// unsubscribe on dispose. Subscribers re-read through the access rules, so the event itself reveals nothing.
/// </summary>
public sealed class TicketFeed(ILogger<TicketFeed> logger)
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = new([]);

    public IDisposable Subscribe(Func<TicketChanged, Task> handler)
    {
        lock (_gate) _subscribers = new([.. _subscribers.Handlers, handler]);
        return new Subscription(this, handler);
    }

    public void Publish(TicketChanged change)
    {
        foreach (var handler in _subscribers.Handlers)
            _ = Deliver(handler, change);
    }

    private async Task Deliver(Func<TicketChanged, Task> handler, TicketChanged change)
    {
        try { await handler(change); }
        catch (Exception ex) { logger.LogWarning(ex, "A live subscriber failed on ticket {Number}", change.Number); }
    }

    private void Unsubscribe(Func<TicketChanged, Task> handler)
    {
        lock (_gate) _subscribers = new(_subscribers.Handlers.Where(h => h != handler).ToArray());
    }

    private sealed record ImmutableSubscribers(Func<TicketChanged, Task>[] Handlers);

    private sealed class Subscription(TicketFeed feed, Func<TicketChanged, Task> handler) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(handler);
    }
}
