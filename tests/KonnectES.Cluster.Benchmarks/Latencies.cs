using System.Globalization;

namespace KonnectES.Cluster.Benchmarks;

/// <summary>Measured durations in milliseconds, with percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> _samples = [];

    public int Count => _samples.Count;

    public void Add(TimeSpan elapsed) => _samples.Add(elapsed.TotalMilliseconds);

    public double Percentile(double p)
    {
        var sorted = _samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public string Format(double p) => Percentile(p).ToString("0.0", CultureInfo.InvariantCulture);
}
