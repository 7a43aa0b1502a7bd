using Siget.Core.Notifications;

namespace Siget.Console.Live;

/// <summary>
/// Pushes stored notifications to the screens of their recipients (the bell). Services publish after the commit
/// that stored them; a screen subscribes as the person it serves and hears only that person's notifications.
/// </summary>
public sealed class NotificationFeed(ILogger<NotificationFeed> logger)
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public IDisposable Subscribe(string userId, Func<Notification, Task> handler)
    {
        var subscription = new Subscription(this, userId, handler);
        lock (_gate) _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    /// <summary>Told the notifications published on this instance (the Redis relay, <see cref="Scale.RedisFeedRelay"/>).</summary>
    public event Action<IReadOnlyList<Notification>>? Published;

    public void Publish(IEnumerable<Notification> notifications)
    {
        var list = notifications as IReadOnlyList<Notification> ?? notifications.ToList();
        PublishHere(list);
        if (list.Count > 0) Published?.Invoke(list);
    }

    /// <summary>Delivers to this instance's subscribers only (notifications stored by another instance, relayed).</summary>
    public void PublishHere(IEnumerable<Notification> notifications)
    {
        var subscriptions = _subscriptions;
        foreach (var notification in notifications)
            foreach (var s in subscriptions.Where(s => s.UserId == notification.RecipientId))
                _ = Deliver(s, notification);
    }

    private async Task Deliver(Subscription subscription, Notification notification)
    {
        try { await subscription.Handler(notification); }
        catch (Exception ex) { logger.LogWarning(ex, "A notification subscriber failed for ticket {TicketId}", notification.TicketId); }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
    }

    private sealed class Subscription(NotificationFeed feed, string userId, Func<Notification, Task> handler) : IDisposable
    {
        public string UserId { get; } = userId;
        public Func<Notification, Task> Handler { get; } = handler;
        public void Dispose() => feed.Remove(this);
    }
}
