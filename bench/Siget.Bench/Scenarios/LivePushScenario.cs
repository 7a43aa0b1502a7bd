using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Siget.Bench.Data;
using Siget.Bench.Headless;
using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>
/// A change committed → shown in the queue of every connected technician (N real circuits of the headless client on
/// /cola/todos, then more), plus a few real Chromium windows.
/// <para>The change goes through the product's UI in a real browser: a supervisor (sup01) sends a level-2 ticket back to
/// level 1 on its ticket page (Devolver → confirm). The scenario cannot call the server's services (another process),
/// /hubs/queue only pushes, and writing into the database would bypass the feed; a registration would not do either,
/// because a new ticket sorts far below the first rows (the data set's level-1 backlog is already overdue), while a
/// level-2 ticket of priority Alta, preferential and the most overdue, once at level 1, sorts first in every
/// technician's "Todos": its number is the unique text that must arrive in each screen's render batch.</para>
/// <para>Latency: from just before the confirm click to the render batch with the number (headless) or to the
/// MutationObserver seeing it in the DOM (Chromium). The command's own round trip is to the supervisor's page no
/// longer offering Devolver (the level changed). The limit is a bare WebSocket on loopback, in the same run.</para>
/// </summary>
public sealed class LivePushScenario : Scenario
{
    public override string Name => "live-push";
    public override string Title => "Live push of a change to connected queues";
    public override TimeSpan TimeLimit => TimeSpan.FromMinutes(25);

    private static readonly TimeSpan ArrivalLimit = TimeSpan.FromSeconds(30);

    /// <summary>Each live figure is the median of this many repetitions within the run.</summary>
    public const int Repetitions = 3;

    private sealed class Repetition
    {
        public Latencies Sessions { get; } = new();
        public Latencies FromCommit { get; } = new();
        public Latencies InBrowsers { get; } = new();
        public Latencies Commands { get; } = new();
        public int Missed { get; set; }
        public double ServerCpuPerChange { get; set; }
        public double ClientCpuPerChange { get; set; }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double MedianOf(IEnumerable<Repetition> repetitions, Func<Repetition, Latencies> measure) => Median(repetitions.Select(r => measure(r).P95));

    private static string Spread(IReadOnlyList<Repetition> repetitions, Func<Repetition, Latencies> measure) =>
        string.Create(CultureInfo.InvariantCulture,
            $"p95 of each repetition {string.Join(", ", repetitions.Select(r => $"{measure(r).P95:0.#}"))} ms (spread {repetitions.Min(r => measure(r).P95):0.#}–{repetitions.Max(r => measure(r).P95):0.#}); {string.Join(" / ", repetitions.Select(r => measure(r).ToString()))}");

    public override async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var steps = new[] { (Sessions: run.Scaled(200, 10), Target: 100.0, CpuTarget: 50.0), (Sessions: run.Scaled(1000, 30), Target: 300.0, CpuTarget: 200.0) };
        var changesPerStep = run.Scaled(10, 3);
        var database = run.WorkingCopy("live-push");
        var warmUps = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP"), out var w) ? w : 3;
        var tickets = TicketsToSendBack(database, Repetitions * changesPerStep * steps.Length + warmUps);

        await using var echo = await WebSocketEcho.StartAsync();
        var echoLatencies = await echo.EchoAsync(run.Scaled(1000, 100), ct);
        var broadcast = await echo.BroadcastAsync(steps[0].Sessions, run.Scaled(10, 3), ct);
        var limit = new PhysicalLimit(echoLatencies.P95, "ms", "raw WebSocket echo on loopback (p95)");

        await using var server = await BenchServer.StartAsync(database);
        await using var browsers = await BenchBrowsers.LaunchAsync(server.BaseUri);
        var supervisor = await browsers.OpenAsync(BenchPeople.SupervisorName(0), "cola/todos");
        await using var notices = await CommitNotices.ConnectAsync(server, BenchPeople.TechnicianName(run.Manifest.Sizes.Technicians - 1), ct);
        var watchers = new List<IPage>();
        for (var i = 0; i < run.Scaled(3, 2); i++) watchers.Add(await browsers.OpenAsync(BenchPeople.TechnicianName(i), "cola/todos"));

        var results = new List<ScenarioResult>();
        var next = 0;
        SessionPool? pool = null;
        try
        {
            foreach (var step in steps)
            {
                // Grow the same server's screens from one step to the next (the first ones stay open).
                if (pool is null) pool = await SessionPool.OpenAsync(server, "cola/todos", step.Sessions, run.Manifest.Sizes.Technicians, ct);
                else await pool.AddAsync(step.Sessions - pool.Sessions.Count, ct);
                await Task.Delay(TimeSpan.FromSeconds(2), ct); // the first windows are rendered; nothing pending
                for (var i = 0; next == 0 && i < warmUps; i++)
                {
                    // Changes before measuring: a server in use has compiled its code paths (JIT) long before.
                    await PushOneAsync(supervisor, server, notices, tickets[i], pool.Sessions, watchers, new(), new(), new(), ct);
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
                if (next == 0) next = warmUps;

                // Three repetitions of the same number of changes: each figure is the median of their p95s, with the spread.
                var repetitions = new List<Repetition>();
                for (var r = 0; r < Repetitions; r++)
                {
                    var repetition = new Repetition();
                    var serverCpu = server.CpuTime;
                    var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
                    for (var c = 0; c < changesPerStep; c++)
                    {
                        var number = tickets[next++];
                        var (m, commandTook) = await PushOneAsync(supervisor, server, notices, number, pool.Sessions, watchers,
                            repetition.Sessions, repetition.FromCommit, repetition.InBrowsers, ct);
                        repetition.Missed += m;
                        repetition.Commands.Add(commandTook);
                        await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                    }
                    repetition.ServerCpuPerChange = (server.CpuTime - serverCpu).TotalMilliseconds / changesPerStep;
                    repetition.ClientCpuPerChange = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalMilliseconds / changesPerStep;
                    repetitions.Add(repetition);
                }

                var n = step.Sessions;
                var missed = repetitions.Sum(x => x.Missed);
                var serverCpuMs = Median(repetitions.Select(x => x.ServerCpuPerChange));
                // What one change costs each side (it includes the supervisor's ticket page and command): the benchmark's
                // clients share the server's two cores, so a figure over its target with the server's CPU under its own
                // target is the clients' starving, not the server's slowness; both are shown.
                var cpu = string.Create(CultureInfo.InvariantCulture,
                    $"CPU per change (median of {Repetitions}): server {serverCpuMs:0} ms ({serverCpuMs * 1000 / n:0} µs per session), benchmark's clients {Median(repetitions.Select(x => x.ClientCpuPerChange)):0} ms (Chromium not counted)");
                System.Console.WriteLine($"   {n} sessions: {cpu}");
                results.Add(new(Title, $"{n:N0} sessions: commit → rendered in each (p95, median of {Repetitions})", MedianOf(repetitions, x => x.FromCommit),
                    Target.AtMostOf(step.Target, "ms"), limit,
                    $"{Spread(repetitions, x => x.FromCommit)}; the commit's moment is when /hubs/queue announced it (published right after the commit); {cpu}"));
                results.Add(new(Title, $"{n:N0} sessions: server CPU per change (median of {Repetitions})", serverCpuMs, Target.AtMostOf(step.CpuTarget, "ms"), null,
                    string.Create(CultureInfo.InvariantCulture, $"repetitions: {string.Join(", ", repetitions.Select(x => $"{x.ServerCpuPerChange:0}"))} ms; it includes the supervisor's ticket page and command")));
                results.Add(new(Title, $"{n:N0} sessions: confirm click → rendered in each (p95, median of {Repetitions})", MedianOf(repetitions, x => x.Sessions),
                    Target.AtMostOf(step.Target, "ms"), limit,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{Spread(repetitions, x => x.Sessions)}; {missed} arrivals missing of {Repetitions * changesPerStep * n:N0}; {n:N0} circuits opened in {pool.OpenedIn.TotalSeconds:0} s (last batch); command round trip {string.Join(" / ", repetitions.Select(x => x.Commands.ToString()))}; raw WebSocket broadcast to {steps[0].Sessions} sockets: {broadcast}")));
                results.Add(new(Title, $"{n:N0} sessions: change → in the DOM of {watchers.Count} Chromium windows (p95, median of {Repetitions})", MedianOf(repetitions, x => x.InBrowsers),
                    Target.AtMostOf(step.Target, "ms"), limit, Spread(repetitions, x => x.InBrowsers)));
                if (missed > 0)
                    results.Add(new(Title, $"{n:N0} sessions: arrivals missing", missed, Target.AtMostOf(0, "arrivals")));
            }
        }
        finally
        {
            if (pool is not null) await pool.DisposeAsync();
        }
        return results;
    }

    /// <summary>One send-back by the supervisor; every session's and browser's arrival recorded. Returns the misses and the command's round trip.</summary>
    private static async Task<(int Missed, TimeSpan Command)> PushOneAsync(IPage supervisor, BenchServer server, CommitNotices notices, string number,
        IReadOnlyList<BlazorSession> sessions, List<IPage> watchers, Latencies arrivals, Latencies fromCommit, Latencies inBrowsers, CancellationToken ct)
    {
        // Within the supervisor's open screen, as a person following a link: no new page load and circuit per change.
        await supervisor.EvaluateAsync("uri => Blazor.navigateTo(uri)", $"tickets/{number}");
        await supervisor.Locator("h1", new() { HasTextString = number }).WaitForAsync();
        await supervisor.Locator("#accion-devolver").ClickAsync();
        await supervisor.Locator("#devolver-motivo").FillAsync($"Prueba de carga: vuelve al Nivel 1 ({number})");
        foreach (var w in watchers) await BenchBrowsers.WatchForAsync(w, number);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(ArrivalLimit);
        var waits = sessions.Select(s => s.WaitForTextAsync(number, limit.Token)).ToList();
        var sent = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await supervisor.Locator("#devolver-confirmar").ClickAsync();
        await supervisor.Locator("#accion-devolver").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var command = clock.Elapsed;

        var committed = await notices.CommittedAtAsync(number, ArrivalLimit) ?? throw new InvalidOperationException($"/hubs/queue did not announce {number}.");
        var missed = 0;
        foreach (var wait in waits)
        {
            try
            {
                var arrived = await wait;
                arrivals.Add((arrived - sent).TotalMilliseconds);
                fromCommit.Add(Math.Max(0, (arrived - committed).TotalMilliseconds));
            }
            catch (OperationCanceledException) { missed++; }
        }
        var sentUnixMs = (sent - DateTime.UnixEpoch).TotalMilliseconds;
        foreach (var w in watchers)
        {
            if (await BenchBrowsers.SeenAtAsync(w, number, ArrivalLimit) is { } seen) inBrowsers.Add(seen - sentUnixMs);
            else missed++;
        }
        return (missed, command);
    }

    /// <summary>Queued level-2 tickets (Alta, preferential, unassigned) whose clocks fall due before those of every open
    /// level-1 Alta ticket: sent back, each sorts first at level 1. The generator guarantees them (its test checks this).</summary>
    public static List<string> TicketsToSendBack(string database, int count)
    {
        using var connection = BenchRun.Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Number FROM Tickets
            WHERE State = 1 AND Level = 2 AND Priority = 3 AND Preferential = 1 AND AssigneeId IS NULL AND NextDueUtc IS NOT NULL
              AND NextDueUtc < (SELECT MIN(NextDueUtc) FROM Tickets WHERE State IN (1, 2) AND Level = 1 AND Priority = 3)
            ORDER BY NextDueUtc, Id LIMIT $count
            """;
        command.Parameters.AddWithValue("$count", count);
        var numbers = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) numbers.Add(reader.GetString(0));
        if (numbers.Count < count)
            throw new InvalidOperationException($"The data set has {numbers.Count} level-2 tickets that would sort first at level 1; {count} are needed.");
        return numbers;
    }
}
