using System.Globalization;
using Siget.Bench.Data;
using Siget.Bench.Running;

namespace Siget.Bench.Scenarios;

/// <summary>
/// Idle screens: N technicians' queue pages (/cola/todos) open as real circuits, then the server's working set after a
/// full collection. The limit is the same server with no screen open (what the sessions add is the difference).
/// If cheap, a smaller number of supervisors' boards (/tablero) too, over a fresh server.
/// </summary>
public sealed class MemoryScenario : Scenario
{
    public override string Name => "memory";
    public override string Title => "Memory of idle sessions";
    public override TimeSpan TimeLimit => TimeSpan.FromMinutes(15);

    private const double Mb = 1024 * 1024;

    /// <summary>Diagnosis: with BENCH_GCDUMP=path-to-dotnet-gcdump, a heap dump of the loaded server in bench/.data.</summary>
    private static async Task GcDumpAsync(BenchServer server, string name)
    {
        if (Environment.GetEnvironmentVariable("BENCH_GCDUMP") is not { Length: > 0 } tool) return;
        var file = Path.Combine(BenchPaths.DataFolder, $"memory-{name}.gcdump");
        using var dump = System.Diagnostics.Process.Start(tool, $"collect -p {server.ProcessId} -o \"{file}\"");
        await dump.WaitForExitAsync();
        System.Console.WriteLine($"   heap dump: {file}");
    }

    public override async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var sessions = int.TryParse(Environment.GetEnvironmentVariable("BENCH_MEMORY_SESSIONS"), out var n) ? n : run.Scaled(1000, 20);
        var boards = run.Scaled(10, 3);
        var results = new List<ScenarioResult>();

        await using (var server = await BenchServer.StartAsync(run.DatabasePath))
        {
            var baseline = await server.WorkingSetAfterGcAsync() / Mb;
            await using var pool = await SessionPool.OpenAsync(server, "cola/todos", sessions, run.Manifest.Sizes.Technicians, ct);
            await Task.Delay(TimeSpan.FromSeconds(run.Quick ? 2 : 10), ct); // idle: timers and first-render work settle
            var loaded = await server.WorkingSetAfterGcAsync() / Mb;
            var perSession = (loaded - baseline) * 1024 / sessions;
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {sessions} queue pages: {loaded:0} MB (baseline {baseline:0} MB); {server.ResidentSplit()}"));
            await GcDumpAsync(server, "queue");
            results.Add(new(Title, $"{sessions:N0} queue pages (/cola/todos), working set after GC", loaded, Target.AtMostOf(600, "MB"),
                new PhysicalLimit(baseline, "MB", "same server with no session"),
                string.Create(CultureInfo.InvariantCulture,
                    $"{sessions:N0} circuits opened in {pool.OpenedIn.TotalSeconds:0} s; {perSession:0} KB per session over the baseline of {baseline:0} MB; {server.ResidentSplit()}")));
        }

        // The supervisor board keeps every lane's first cards: heavier per session, so fewer of them.
        await using (var server = await BenchServer.StartAsync(run.DatabasePath))
        {
            var baseline = await server.WorkingSetAfterGcAsync() / Mb;
            await using var pool = await SessionPool.OpenAsync(server, "tablero", boards, run.Manifest.Sizes.Supervisors, ct, BenchPeople.SupervisorName);
            await Task.Delay(TimeSpan.FromSeconds(run.Quick ? 2 : 5), ct);
            var loaded = await server.WorkingSetAfterGcAsync() / Mb;
            var perSession = (loaded - baseline) * 1024 / boards;
            results.Add(new(Title, $"{boards:N0} supervisor boards (/tablero), working set after GC (context)", loaded, Target.AtMostOf(600, "MB"),
                new PhysicalLimit(baseline, "MB", "same server with no session"),
                string.Create(CultureInfo.InvariantCulture, $"{perSession:0} KB per board over the baseline of {baseline:0} MB; no target of its own in the issue; {server.ResidentSplit()}")));
        }
        return results;
    }
}
