using System.Globalization;

namespace Siget.Bench.Running;

/// <summary>A target from the issue: at most (latencies, memory) or at least (throughput) <see cref="Value"/>.</summary>
public sealed record Target(double Value, string Unit, bool AtMost)
{
    public static Target AtMostOf(double value, string unit) => new(value, unit, true);
    public static Target AtLeastOf(double value, string unit) => new(value, unit, false);

    public bool IsMetBy(double figure) => AtMost ? figure <= Value : figure >= Value;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(AtMost ? "≤" : "≥")} {Value:#,0.##} {Unit}");
}

/// <summary>What the machine itself manages for the same work in the same run (a raw SQLite query of the same rows, a
/// raw WebSocket echo on loopback...), so that a figure reads as a ratio to the physical limit.</summary>
public sealed record PhysicalLimit(double Value, string Unit, string What)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{What}: {Value:#,0.##} {Unit}");
}

/// <summary>One line of RESULTS.md.</summary>
public sealed record ScenarioResult(string Scenario, string Measure, double Figure, Target Target, PhysicalLimit? Limit = null, string? Notes = null)
{
    public bool Passed => Target.IsMetBy(Figure);

    /// <summary>Figure over limit (for latencies: how many times the bare minimum; for rates: the share of it reached).</summary>
    public double? Ratio => Limit is { Value: > 0 } limit ? Figure / limit.Value : null;

    public string FigureText => string.Create(CultureInfo.InvariantCulture, $"{Figure:#,0.##} {Target.Unit}");
}
