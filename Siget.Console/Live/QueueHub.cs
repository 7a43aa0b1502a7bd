using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Siget.Console.Services;

namespace Siget.Console.Live;

/// <summary>
/// <c>/hubs/queue</c>: the live ticket feed for clients that are not Blazor screens (a wallboard, another system).
/// Signed-in people only; each connection receives exactly what its person may see (the same filtering as screens).
/// Messages: <c>ticketChanged</c> with a <see cref="TicketChanged"/> (see README, "Feed en vivo").
/// </summary>
[Authorize]
public sealed class QueueHub(QueueHubConnections connections) : Hub
{
    public const string Path = "/hubs/queue";
    public const string TicketChangedMethod = "ticketChanged";

    public override Task OnConnectedAsync()
    {
        connections.Add(Context.ConnectionId, Context.User!.ToActor());
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>Keeps one feed subscription per hub connection and forwards its events to that connection only.</summary>
public sealed class QueueHubConnections(TicketFeed feed, IHubContext<QueueHub> hub)
{
    private readonly ConcurrentDictionary<string, IDisposable> _subscriptions = new();

    public void Add(string connectionId, Siget.Core.Access.Actor actor)
    {
        var subscription = feed.Subscribe(actor, change =>
            hub.Clients.Client(connectionId).SendAsync(QueueHub.TicketChangedMethod, change));
        if (!_subscriptions.TryAdd(connectionId, subscription)) subscription.Dispose();
    }

    public void Remove(string connectionId)
    {
        if (_subscriptions.TryRemove(connectionId, out var subscription)) subscription.Dispose();
    }
}
