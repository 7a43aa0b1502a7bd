using System.Diagnostics;
using System.Globalization;
using Siget.Bench.Headless;
using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>
/// A network blip: N queue screens lose their connection at once (the WebSocket aborted, no close message), then
/// each reconnects like blazor.web.js: a new connection and ConnectCircuit with its circuit id, retried with
/// backoff while the server cannot be reached. Restored = the server took the circuit back (ConnectCircuit true).
/// The limit is one session's reconnection alone on the same server.
/// </summary>
public sealed class ReconnectScenario : Scenario
{
    public override string Name => "reconnect";
    public override string Title => "Reconnection after a mass drop";
    public override TimeSpan TimeLimit => TimeSpan.FromMinutes(15);

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    // blazor.web.js default retry intervals (ms): 0, 2000, 10000, 30000 ... capped; the first attempts matter here.
    private static readonly int[] Backoff = [0, 1000, 2000, 5000, 10000];

    public override async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var count = run.Scaled(500, 20);
        await using var server = await BenchServer.StartAsync(run.DatabasePath);
        await using var pool = await SessionPool.OpenAsync(server, "cola/todos", count, run.Manifest.Sizes.Technicians, ct);
        var sessions = pool.Sessions;

        // The limit: one session alone, dropped and restored, a few times.
        var alone = new Latencies();
        for (var i = 0; i < 5; i++)
        {
            await sessions[0].DropTransportAsync();
            var started = Stopwatch.GetTimestamp();
            if (!await sessions[0].ReconnectAsync(ct)) throw new InvalidOperationException("A single session could not reconnect.");
            alone.Add(Stopwatch.GetElapsedTime(started));
        }

        await Task.WhenAll(sessions.Select(s => s.DropTransportAsync()));
        var clock = Stopwatch.StartNew();
        using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
        window.CancelAfter(Window);
        var perSession = new Latencies();
        var outcomes = await Task.WhenAll(sessions.Select(s => RestoreAsync(s, clock, perSession, window.Token)));
        var restored = outcomes.Count(o => o == Outcome.Restored);
        var rejected = outcomes.Count(o => o == Outcome.Rejected);
        var lastIn = perSession.Count > 0 ? perSession.Max / 1000 : double.NaN;

        var share = 100.0 * restored / count;
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"{restored} of {count} restored, {rejected} refused by the server (circuit gone), {count - restored - rejected} not back within {Window.TotalSeconds:0} s; per session {perSession}");
        return
        [
            new(Title, $"{count} sessions dropped at once: restored within {Window.TotalSeconds:0} s", share, Target.AtLeastOf(100, "%"), null, notes),
            new(Title, $"{count} sessions: time until all restored", restored == count ? lastIn : Window.TotalSeconds, Target.AtMostOf(Window.TotalSeconds, "s"),
                new PhysicalLimit(alone.P95 / 1000, "s", "one session's reconnection alone (p95)"), notes),
            new(Title, $"{count} sessions: reconnection per session (p95)", perSession.P95, Target.AtMostOf(Window.TotalMilliseconds, "ms"),
                new PhysicalLimit(alone.P95, "ms", "one session's reconnection alone (p95)")),
        ];
    }

    private enum Outcome { Restored, Rejected, TimedOut }

    private static async Task<Outcome> RestoreAsync(BlazorSession session, Stopwatch clock, Latencies perSession, CancellationToken ct)
    {
        foreach (var delay in Backoff.Concat(Enumerable.Repeat(Backoff[^1], 10)))
        {
            try
            {
                if (delay > 0) await Task.Delay(delay, ct);
                var restored = await session.ReconnectAsync(ct);
                if (!restored) return Outcome.Rejected;
                perSession.Add(clock.Elapsed);
                return Outcome.Restored;
            }
            catch (OperationCanceledException) { return Outcome.TimedOut; }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or IOException or InvalidOperationException or TimeoutException)
            {
                // The server could not be reached (or was too busy to answer): try again after the next interval.
            }
        }
        return Outcome.TimedOut;
    }
}
