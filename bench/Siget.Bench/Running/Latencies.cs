using System.Diagnostics;
using System.Globalization;

namespace Siget.Bench.Running;

/// <summary>Latencies of one measure, in milliseconds, with nearest-rank percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _samples = [];
    private readonly Lock _gate = new();

    public int Count { get { lock (_gate) return _samples.Count; } }

    public void Add(double milliseconds) { lock (_gate) _samples.Add(milliseconds); }

    public void Add(TimeSpan elapsed) => Add(elapsed.TotalMilliseconds);

    /// <summary>Times <paramref name="work"/> and records it.</summary>
    public async Task<T> TimeAsync<T>(Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await work();
        Add(Stopwatch.GetElapsedTime(started));
        return result;
    }

    public async Task TimeAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        Add(Stopwatch.GetElapsedTime(started));
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_samples.Count == 0) return double.NaN;
            var sorted = _samples.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }

    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double Max => Percentile(100);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"n={Count}, p50 {P50:0.#} ms, p95 {P95:0.#} ms, max {Max:0.#} ms");
}
