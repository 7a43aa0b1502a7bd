using System.Diagnostics;
using System.Threading.Channels;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;
using Siget.Console.Telemetry;

namespace Siget.Console.Live;

/// <summary>
/// What a committed command changed in a ticket, as one subscriber is told it (<see cref="TicketChangeAccess"/>).
/// <see cref="Visible"/> is false when the ticket has just left the receiver's view (escalated away, or away from a
/// vendor): then only who moved it, how and to which level are told, so the screen can say so and drop it.
/// <see cref="ActorId"/> and <see cref="AssigneeId"/> are null for someone else's id when the receiver may not read
/// the ticket's internal notes (the requester): names are what their page shows them.
/// </summary>
public sealed record TicketChanged(
    int TicketId, string Number, TicketAction Action, TicketState State, SupportLevel Level,
    string? AssigneeId, string? AssigneeName, Priority Priority, DateTime? NextDueUtc, long Version, DateTime AtUtc,
    string? ActorId, string ActorName, bool Visible = true)
{
    public static TicketChanged From(Ticket ticket, TicketAction action, Actor actor) => new(
        ticket.Id, ticket.Number, action, ticket.State, ticket.Level, ticket.AssigneeId, ticket.AssigneeName,
        ticket.Priority, ticket.NextDueUtc, ticket.Version, ticket.UpdatedAtUtc, actor.UserId, actor.Name);

    /// <summary>The change as told to <paramref name="receiverId"/> with <paramref name="disclosure"/>; null when not at all.</summary>
    public TicketChanged? As(ChangeDisclosure disclosure, string receiverId) => disclosure switch
    {
        ChangeDisclosure.Full => this,
        ChangeDisclosure.Outline => this with { ActorId = Own(ActorId, receiverId), AssigneeId = Own(AssigneeId, receiverId) },
        ChangeDisclosure.Departure => new(TicketId, "", Action, default, Level, null, null, default, null, Version, AtUtc,
            Own(ActorId, receiverId), ActorName, Visible: false),
        _ => null,
    };

    private static string? Own(string? id, string receiverId) => id == receiverId ? id : null;
}

/// <summary>
/// The in-process change feed. Services publish after each commit; screens subscribe after first render as the
/// person they serve, and unsubscribe on dispose. The access rules are applied here, before anything is delivered
/// (<see cref="TicketChangeAccess"/>): a subscriber never hears of a ticket it may not see, except that one it is
/// showing has left its view, nor of an internal change unless it may read internal notes.
/// <para>Deliveries run on background lanes (one per core), never on the committing request: Blazor runs an
/// <c>InvokeAsync</c> in place when the circuit is idle, so a command would wait for every open screen in turn
/// (bench/FINDINGS.md). A subscriber keeps one lane, so it hears
/// changes in the order they were published.</para>
/// </summary>
public sealed class TicketFeed : IDisposable
{
    private readonly ILogger<TicketFeed> logger;
    private readonly SigetMetrics metrics;
    private readonly Channel<Delivery>[] _lanes;
    private int _nextLane;

    /// <summary>A change for one subscriber, or (Subscription null) a marker that completes when reached.</summary>
    private readonly record struct Delivery(Subscription? To, TicketChanged? Change, TaskCompletionSource? Reached, long PublishedAt = 0,
        ActivityContext Published = default);

    public TicketFeed(ILogger<TicketFeed> logger, SigetMetrics metrics)
    {
        this.logger = logger;
        this.metrics = metrics;
        _lanes = new Channel<Delivery>[Math.Max(1, Environment.ProcessorCount)];
        for (var i = 0; i < _lanes.Length; i++)
        {
            var lane = _lanes[i] = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
            // Without the context of whoever first asked for the feed: the lanes outlive that request (and its trace).
            using (ExecutionContext.SuppressFlow()) _ = Task.Run(() => RunLaneAsync(lane.Reader));
        }
    }

    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];
    private long _version;
    // One compiled rule per person, not per screen: compiling is JIT work, and every open screen subscribes twice
    // (queue and menu), so a thousand screens opening were two thousand compilations (perf of the live-push bench).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string UserId, Role Role, int? Vendor), Func<Ticket, bool>> _rules = new();

    /// <summary>How many changes have been published: a read made after a change was published sees it, so results
    /// read at the same version may be shared (<see cref="QueueWindows"/>).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Where this instance's feed is now, comparable only with positions taken on the same instance and run:
    /// a screen whose data was read at another position (another instance, a restart, changes since) reads it again.</summary>
    public string Position => $"{_run}:{Version}";
    private readonly Guid _run = Guid.NewGuid();

    /// <summary>Counts as a change for the caches keyed on <see cref="Version"/> (changes of other instances may have been missed).</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    /// <param name="showing">Whether the screen currently shows a ticket id (to tell it when that ticket leaves its view).</param>
    public IDisposable Subscribe(Actor actor, Func<TicketChanged, Task> handler, Func<int, bool>? showing = null)
    {
        var rule = _rules.GetOrAdd((actor.UserId, actor.Role, actor.VendorCompanyId), _ => TicketAccess.FollowedBy(actor).Compile());
        var lane = _lanes[(int)((uint)Interlocked.Increment(ref _nextLane) % (uint)_lanes.Length)];
        var subscription = new Subscription(this, lane, actor, rule, handler, showing ?? (_ => false));
        lock (_gate) _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    /// <summary>Told each change published on this instance, after it was handed to the local lanes (the Redis relay
    /// to the other instances, <see cref="Scale.RedisFeedRelay"/>).</summary>
    public event Action<Ticket, TicketAction, Actor>? Published;

    public void Publish(Ticket ticket, TicketAction action, Actor actor)
    {
        PublishHere(ticket, action, actor);
        Published?.Invoke(ticket, action, actor);
    }

    /// <summary>Delivers a change to this instance's subscribers only (one committed on another instance, relayed).</summary>
    public void PublishHere(Ticket ticket, TicketAction action, Actor actor)
    {
        // One span per change handed over here, with one child per screen or hub connection that gets it (when traced).
        using var activity = SigetTracing.Source.StartActivity("siget.feed.publish");
        activity?.SetTag("siget.ticket.id", ticket.Id);
        activity?.SetTag("siget.ticket.action", action.ToString());
        var change = TicketChanged.From(ticket, action, actor);
        Interlocked.Increment(ref _version);
        var at = System.Diagnostics.Stopwatch.GetTimestamp();
        var recipients = 0;
        foreach (var s in _subscriptions)
        {
            var follows = s.Follows(ticket);
            // Showing is asked only of screens that no longer follow the ticket (few, and only then does it matter).
            var disclosure = TicketChangeAccess.For(s.Actor, ticket, action, follows, !follows && s.Showing(ticket.Id));
            if (change.As(disclosure, s.Actor.UserId) is not { } told) continue;
            s.Lane.Writer.TryWrite(new Delivery(s, told, null, at, activity?.Context ?? default));
            recipients++;
        }
        activity?.SetTag("siget.feed.recipients", recipients);
    }

    /// <summary>Completes when every change published before the call has been handed to its subscribers.</summary>
    public Task HandedOverAsync()
    {
        var markers = _lanes.Select(lane =>
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lane.Writer.TryWrite(new Delivery(null, null, reached));
            return reached.Task;
        });
        return Task.WhenAll(markers);
    }

    /// <summary>Ends the lanes with the app (what was published is still handed over).</summary>
    public void Dispose()
    {
        foreach (var lane in _lanes) lane.Writer.TryComplete();
    }

    private async Task RunLaneAsync(ChannelReader<Delivery> lane)
    {
        await foreach (var delivery in lane.ReadAllAsync())
        {
            if (delivery.To is { } subscription) _ = Deliver(subscription, delivery.Change!, delivery.PublishedAt, delivery.Published); // not awaited: up to its first wait
            else delivery.Reached!.TrySetResult();
        }
    }

    private async Task Deliver(Subscription subscription, TicketChanged change, long publishedAt, ActivityContext published)
    {
        using var activity = published == default ? null : SigetTracing.Source.StartActivity("siget.feed.deliver", ActivityKind.Internal, published);
        try
        {
            await subscription.Handler(change);
            metrics.EventDelivered(System.Diagnostics.Stopwatch.GetElapsedTime(publishedAt));
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogWarning(ex, "A live subscriber failed on ticket {TicketId}", change.TicketId);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
    }

    private sealed class Subscription(TicketFeed feed, Channel<Delivery> lane, Actor actor, Func<Ticket, bool> follows,
        Func<TicketChanged, Task> handler, Func<int, bool> showing) : IDisposable
    {
        public Channel<Delivery> Lane { get; } = lane;
        public Actor Actor { get; } = actor;
        public Func<Ticket, bool> Follows { get; } = follows;
        public Func<TicketChanged, Task> Handler { get; } = handler;
        public Func<int, bool> Showing { get; } = showing;
        public void Dispose() => feed.Remove(this);
    }
}
