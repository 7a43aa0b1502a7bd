using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Live;

/// <summary>
/// What a committed command changed in a ticket. <see cref="Visible"/> is false when the ticket has just left
/// the receiver's view (escalated away, or away from a vendor): then only the id is told, so the screen can drop it.
/// </summary>
public sealed record TicketChanged(
    int TicketId, string Number, TicketAction Action, TicketState State, SupportLevel Level,
    string? AssigneeId, string? AssigneeName, Priority Priority, DateTime? NextDueUtc, long Version, DateTime AtUtc,
    string ActorId, bool Visible = true)
{
    public static TicketChanged From(Ticket ticket, TicketAction action, Actor actor) => new(
        ticket.Id, ticket.Number, action, ticket.State, ticket.Level, ticket.AssigneeId, ticket.AssigneeName,
        ticket.Priority, ticket.NextDueUtc, ticket.Version, ticket.UpdatedAtUtc, actor.UserId);

    /// <summary>The notice for someone who was showing the ticket and may no longer see it.</summary>
    public TicketChanged Gone() => new(TicketId, "", Action, default, default, null, null, default, null, Version, AtUtc, ActorId, Visible: false);
}

/// <summary>
/// The in-process change feed. Services publish after each commit; screens subscribe after first render as the
/// person they serve, and unsubscribe on dispose. The access rules are applied here, before anything is
/// delivered: a subscriber never hears of a ticket it may not see, except that one it is showing has left its view.
/// </summary>
public sealed class TicketFeed(ILogger<TicketFeed> logger, SigetMetrics metrics)
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];
    private long _version;

    /// <summary>How many changes have been published: a read made after a change was published sees it, so results
    /// read at the same version may be shared (<see cref="QueueWindows"/>).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <param name="showing">Whether the screen currently shows a ticket id (to tell it when that ticket leaves its view).</param>
    public IDisposable Subscribe(Actor actor, Func<TicketChanged, Task> handler, Func<int, bool>? showing = null)
    {
        var subscription = new Subscription(this, TicketAccess.FollowedBy(actor).Compile(), handler, showing ?? (_ => false));
        lock (_gate) _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    public void Publish(Ticket ticket, TicketAction action, Actor actor)
    {
        var change = TicketChanged.From(ticket, action, actor);
        Interlocked.Increment(ref _version);
        TicketChanged? gone = null;
        foreach (var s in _subscriptions)
        {
            if (s.CanSee(ticket)) _ = Deliver(s, change);
            else if (s.Showing(ticket.Id)) _ = Deliver(s, gone ??= change.Gone());
        }
    }

    private async Task Deliver(Subscription subscription, TicketChanged change)
    {
        try
        {
            await subscription.Handler(change);
            metrics.EventDelivered();
        }
        catch (Exception ex) { logger.LogWarning(ex, "A live subscriber failed on ticket {TicketId}", change.TicketId); }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
    }

    private sealed class Subscription(TicketFeed feed, Func<Ticket, bool> canSee, Func<TicketChanged, Task> handler, Func<int, bool> showing)
        : IDisposable
    {
        public Func<Ticket, bool> CanSee { get; } = canSee;
        public Func<TicketChanged, Task> Handler { get; } = handler;
        public Func<int, bool> Showing { get; } = showing;
        public void Dispose() => feed.Remove(this);
    }
}
