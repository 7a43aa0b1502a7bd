namespace Siget.Core.Reports;

/// <summary>How many, their mean and their median: the way the reports sum up waiting times (in business time).</summary>
public sealed record DurationStats(int Count, TimeSpan? Mean, TimeSpan? Median)
{
    public static DurationStats Empty { get; } = new(0, null, null);

    public static DurationStats Of(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Select(d => d.Ticks).Order().ToArray();
        if (sorted.Length == 0) return Empty;
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new(sorted.Length, TimeSpan.FromTicks((long)sorted.Average(t => (double)t)), TimeSpan.FromTicks(median));
    }
}

/// <summary>A share of a whole: "12 of 40". <see cref="Percent"/> is null when there is nothing to share.</summary>
public readonly record struct Share(int Part, int Whole)
{
    public double? Percent => Whole == 0 ? null : 100.0 * Part / Whole;
}
