using Siget.Core.Problems;

namespace Siget.Console.Live;

/// <summary>What a committed command changed in a problem (or, Number empty, that the suggestions changed).</summary>
public sealed record ProblemChanged(int ProblemId, string Number, ProblemAction Action, ProblemState State, long Version, string ActorId);

/// <summary>
/// Live changes of problems and of the recurrence suggestions, for the problem list and pages. Only UTI staff
/// subscribe (the pages require it), and they may read every problem, so nothing is filtered per subscriber.
/// Deliveries run off the publishing request, as in <see cref="TicketFeed"/>.
/// </summary>
public sealed class ProblemFeed(ILogger<ProblemFeed> logger)
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public IDisposable Subscribe(Func<ProblemChanged, Task> handler)
    {
        var subscription = new Subscription(this, handler);
        lock (_gate) _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    public void Publish(Problem problem, ProblemAction action, string actorId) =>
        Publish(new ProblemChanged(problem.Id, problem.Number, action, problem.State, problem.Version, actorId));

    public void SuggestionsChanged(string actorId) => Publish(new ProblemChanged(0, "", ProblemAction.Registrar, default, 0, actorId));

    /// <summary>Told each change published on this instance (the Redis relay, <see cref="Scale.RedisFeedRelay"/>).</summary>
    public event Action<ProblemChanged>? Published;

    private void Publish(ProblemChanged change)
    {
        PublishHere(change);
        Published?.Invoke(change);
    }

    /// <summary>Delivers to this instance's subscribers only (a change made on another instance, relayed).</summary>
    public void PublishHere(ProblemChanged change)
    {
        foreach (var s in _subscriptions) _ = Task.Run(() => DeliverAsync(s, change));
    }

    private async Task DeliverAsync(Subscription subscription, ProblemChanged change)
    {
        try { await subscription.Handler(change); }
        catch (Exception ex) { logger.LogWarning(ex, "A problem subscriber failed for problem {ProblemId}", change.ProblemId); }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
    }

    private sealed class Subscription(ProblemFeed feed, Func<ProblemChanged, Task> handler) : IDisposable
    {
        public Func<ProblemChanged, Task> Handler { get; } = handler;
        public void Dispose() => feed.Remove(this);
    }
}
