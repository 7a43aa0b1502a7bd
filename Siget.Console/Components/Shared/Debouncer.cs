namespace Siget.Console.Components.Shared;

/// <summary>
/// Runs a screen's work after a pause on the <see cref="TimeProvider"/>, folding the triggers that arrive meanwhile
/// (tests advance a fake clock instead of waiting). Two shapes:
/// <list type="bullet">
/// <item><see cref="AfterPause"/>: every trigger restarts the pause and only the last one's work runs; a run still going
/// when a new trigger arrives has its token cancelled, since its answer is already stale (typing in a search box).</item>
/// <item><see cref="OncePer"/>: the first trigger starts the pause and later ones fold into it; a trigger that arrives
/// while the work runs schedules one more run, so no change is lost and a busy feed cannot starve the screen (live reloads).</item>
/// </list>
/// </summary>
public sealed class Debouncer : IDisposable
{
    private readonly TimeSpan pause;
    private readonly TimeProvider clock;
    private readonly bool restartOnTrigger;
    private readonly Lock gate = new();
    private CancellationTokenSource? waiting;
    private CancellationTokenSource? running;
    private Func<CancellationToken, Task>? work;
    private bool disposed;

    private Debouncer(TimeSpan pause, TimeProvider clock, bool restartOnTrigger)
    {
        this.pause = pause;
        this.clock = clock;
        this.restartOnTrigger = restartOnTrigger;
    }

    public static Debouncer AfterPause(TimeSpan pause, TimeProvider clock) => new(pause, clock, restartOnTrigger: true);

    public static Debouncer OncePer(TimeSpan pause, TimeProvider clock) => new(pause, clock, restartOnTrigger: false);

    /// <summary>Asks for <paramref name="next"/> to run after the pause. The task ends when that run ends or is superseded,
    /// so an event handler may await it and let the screen's error handling see a failure.</summary>
    public Task Trigger(Func<CancellationToken, Task> next)
    {
        CancellationTokenSource pending;
        lock (gate)
        {
            if (disposed) return Task.CompletedTask;
            work = next;
            if (!restartOnTrigger && waiting is not null) return Task.CompletedTask; // folded into the pause under way
            waiting?.Cancel();
            if (restartOnTrigger) running?.Cancel();
            pending = waiting = new CancellationTokenSource();
        }
        return RunAfterPauseAsync(pending);
    }

    public Task Trigger(Func<Task> next) => Trigger(_ => next());

    public Task Trigger(Action next) => Trigger(_ =>
    {
        next();
        return Task.CompletedTask;
    });

    /// <summary>Drops the pending run (the work was done another way, e.g. Enter in a search box).</summary>
    public void Cancel()
    {
        lock (gate)
        {
            waiting?.Cancel();
            waiting = null;
        }
    }

    private async Task RunAfterPauseAsync(CancellationTokenSource pending)
    {
        try
        {
            await Task.Delay(pause, clock, pending.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Func<CancellationToken, Task> next;
        CancellationTokenSource run;
        lock (gate)
        {
            if (pending != waiting || disposed) return;
            waiting = null; // from here a trigger starts a new pause, so nothing that happens during the run is lost
            next = work!;
            run = running = new CancellationTokenSource();
        }
        try
        {
            await next(run.Token);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Superseded by a newer trigger, or the screen closed.
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            waiting?.Cancel();
            running?.Cancel();
        }
    }
}
