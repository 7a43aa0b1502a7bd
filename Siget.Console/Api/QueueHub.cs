using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Siget.Console.Live;
using Siget.Console.Services.People;

namespace Siget.Console.Api;

/// <summary>
/// <c>/hubs/queue</c>: the live ticket feed for clients that are not Blazor screens (a wallboard, another system).
/// Signed-in people only; each connection receives exactly what its person may see (the same filtering as screens).
/// Messages: <c>ticketChanged</c> with a <see cref="TicketChanged"/> (contract: docs/hub-queue.md).
/// </summary>
[Authorize]
public sealed class QueueHub(QueueHubConnections connections) : Hub
{
    public const string Path = "/hubs/queue";
    public const string TicketChangedMethod = "ticketChanged";

    public override Task OnConnectedAsync()
    {
        connections.Add(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>
/// Keeps one feed subscription per hub connection and forwards its events to that connection only. A person whose
/// sessions are revoked in this process (<see cref="SessionRevocations"/>: deactivated, role or company changed,
/// password reset) loses their connections at once; every <see cref="SessionCheckOptions.RevalidationSeconds"/> the people
/// connected are also checked against the database, for changes made elsewhere.
/// </summary>
public sealed class QueueHubConnections : BackgroundService
{
    private sealed record Connection(HubCallerContext Context, string UserId, string? SecurityStamp, IDisposable Subscription);

    private readonly ConcurrentDictionary<string, Connection> _connections = new();
    private readonly TicketFeed feed;
    private readonly IHubContext<QueueHub> hub;
    private readonly PeopleDirectory people;
    private readonly TimeProvider clock;
    private readonly ILogger<QueueHubConnections> logger;
    private readonly TimeSpan interval;

    public QueueHubConnections(TicketFeed feed, IHubContext<QueueHub> hub, PeopleDirectory people, TimeProvider clock,
        ILogger<QueueHubConnections> logger, IOptions<SessionCheckOptions> sessions, SessionRevocations revocations)
    {
        (this.feed, this.hub, this.people, this.clock, this.logger) = (feed, hub, people, clock, logger);
        interval = sessions.Value.RevalidationInterval;
        revocations.Revoked += Close; // a singleton, as long-lived as the signal: no unsubscribing
    }

    /// <summary>Closes every connection of <paramref name="userId"/>.</summary>
    private void Close(string userId)
    {
        foreach (var connection in _connections.Values.Where(c => c.UserId == userId))
        {
            Remove(connection.Context.ConnectionId);
            connection.Context.Abort();
        }
    }

    public void Add(HubCallerContext context)
    {
        var user = context.User!;
        var actor = user.ToActor();
        var connectionId = context.ConnectionId;
        var subscription = feed.Subscribe(actor, change =>
            hub.Clients.Client(connectionId).SendAsync(QueueHub.TicketChangedMethod, change));
        var stamp = user.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType);
        if (!_connections.TryAdd(connectionId, new Connection(context, actor.UserId, stamp, subscription))) subscription.Dispose();
    }

    public void Remove(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var connection)) connection.Subscription.Dispose();
    }

    /// <summary>Closes the connections of people who may no longer be connected. Returns how many were closed.</summary>
    public async Task<int> RevalidateAsync(CancellationToken ct = default)
    {
        var open = _connections.Values.ToList();
        if (open.Count == 0) return 0;
        var ids = open.Select(c => c.UserId).Distinct().ToList();
        var valid = await people.ActiveStampsAsync(ids, ct);
        var closed = 0;
        foreach (var connection in open.Where(c => !valid.TryGetValue(c.UserId, out var stamp) || stamp != c.SecurityStamp))
        {
            Remove(connection.Context.ConnectionId);
            connection.Context.Abort();
            closed++;
        }
        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await RevalidateAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "Could not revalidate hub connections"); }
        }
    }
}
