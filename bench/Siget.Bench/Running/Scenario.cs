namespace Siget.Bench.Running;

/// <summary>One scenario of the benchmark: bounded in count and time, loopback only, and it stops by itself.</summary>
public abstract class Scenario
{
    /// <summary>The name used with <c>--only</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What it measures, as RESULTS.md says it.</summary>
    public abstract string Title { get; }

    /// <summary>The whole scenario is cancelled past this.</summary>
    public virtual TimeSpan TimeLimit => TimeSpan.FromMinutes(10);

    public abstract Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchRun run, CancellationToken ct);
}
