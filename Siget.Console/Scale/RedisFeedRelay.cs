using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Live;
using Siget.Core.Access;
using Siget.Core.Tickets;
using StackExchange.Redis;

namespace Siget.Console.Scale;

/// <summary>
/// Carries the live feeds between instances by Redis pub/sub. What this instance publishes (<see cref="TicketFeed"/>,
/// <see cref="NotificationFeed"/>, <see cref="ProblemFeed"/>) is delivered here as before and also sent to one channel,
/// tagged with this instance's id; what the other instances send is delivered here through the same feeds, so every
/// instance applies the same access rules before anything reaches its screens and hubs, and its caches (which key on
/// <see cref="TicketFeed.Version"/>) drop what another instance changed. Messages carry ids, never what people may
/// not see: a ticket change is read back from the database here and told to each subscriber as a local one would be.
/// One subscription handles messages one at a time, in the order Redis delivers them, so changes of a ticket keep their
/// order; a message about a version older than the stored one is skipped (the newer one's message follows).
/// </summary>
public sealed class RedisFeedRelay(IConnectionMultiplexer redis, TicketFeed tickets, NotificationFeed notifications, ProblemFeed problems,
    IDbContextFactory<SigetDbContext> dbFactory, ScaleOutInstance instance, RedisOptions options, ILogger<RedisFeedRelay> logger) : IHostedService
{
    private readonly RedisChannel Channel = RedisChannel.Literal($"{options.Prefix}:live");

    private ChannelMessageQueue? _queue;

    /// <summary>One relayed event. Kind: "ticket" (TicketId, Version, Action, Actor), "notifications" (Ids), "problem" (Problem).</summary>
    public sealed record Message(string Instance, string Kind, int TicketId = 0, long Version = 0, TicketAction Action = default,
        Actor? Actor = null, long[]? Ids = null, ProblemChanged? Problem = null);

    /// <summary>How many events from other instances were delivered here (for tests and diagnostics).</summary>
    public long Received => Interlocked.Read(ref _received);
    private long _received;

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance hears the other instances' events.</summary>
    public Task Subscribed => _subscribed.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Redis may be down when this instance starts: it serves its own screens meanwhile (/health/ready says so)
        // and subscribes as soon as Redis answers.
        _ = SubscribeAsync(_stopping.Token);
        tickets.Published += OnTicket;
        notifications.Published += OnNotifications;
        problems.Published += OnProblem;
        // Events sent while this instance could not hear Redis are lost: its caches start over when it is back.
        redis.ConnectionRestored += OnRestored;
        return Task.CompletedTask;
    }

    private async Task SubscribeAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
                queue.OnMessage(HandleAsync);
                _queue = queue;
                tickets.Invalidate();
                _subscribed.TrySetResult();
                return;
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Could not subscribe to the live events of the other instances; trying again");
                try { await Task.Delay(TimeSpan.FromSeconds(2), ct); } catch (OperationCanceledException) { return; }
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        tickets.Published -= OnTicket;
        notifications.Published -= OnNotifications;
        problems.Published -= OnProblem;
        redis.ConnectionRestored -= OnRestored;
        if (_queue is not null) await _queue.UnsubscribeAsync();
    }

    private void OnTicket(Ticket ticket, TicketAction action, Actor actor) =>
        Send(new Message(instance.Id, "ticket", ticket.Id, ticket.Version, action, actor));

    private void OnNotifications(IReadOnlyList<Siget.Core.Notifications.Notification> list) =>
        Send(new Message(instance.Id, "notifications", Ids: list.Select(n => n.Id).ToArray()));

    private void OnProblem(ProblemChanged change) => Send(new Message(instance.Id, "problem", Problem: change));

    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        logger.LogWarning("Redis is back ({Type}); live events of other instances may have been missed meanwhile", e.ConnectionType);
        tickets.Invalidate();
    }

    private void Send(Message message)
    {
        try
        {
            redis.GetSubscriber().Publish(Channel, JsonSerializer.Serialize(message), CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not relay a live {Kind} event to the other instances", message.Kind);
        }
    }

    private async Task HandleAsync(ChannelMessage channelMessage)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>((string)channelMessage.Message!);
            if (message is null || message.Instance == instance.Id) return;
            using var activity = Siget.Console.Telemetry.SigetTracing.Source.StartActivity("siget.feed.relay", System.Diagnostics.ActivityKind.Consumer);
            activity?.SetTag("siget.feed.kind", message.Kind);
            activity?.SetTag("siget.feed.from", message.Instance);
            await using var db = await dbFactory.CreateDbContextAsync();
            switch (message.Kind)
            {
                case "ticket" when message.Actor is { } actor:
                    var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == message.TicketId);
                    if (ticket is null || ticket.Version > message.Version) return;
                    tickets.PublishHere(ticket, message.Action, actor);
                    break;
                case "notifications" when message.Ids is { Length: > 0 } ids:
                    var stored = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderBy(n => n.Id).ToListAsync();
                    notifications.PublishHere(stored);
                    break;
                case "problem" when message.Problem is { } change:
                    problems.PublishHere(change);
                    break;
                default:
                    return;
            }
            Interlocked.Increment(ref _received);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live event from another instance could not be delivered here");
        }
    }
}
