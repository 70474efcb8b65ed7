namespace KonnectES.Domain.Analytics;

/// <summary>
/// A mergeable latency histogram with a guaranteed relative error, in the manner of DDSketch: bucket <c>i</c> holds the
/// values in <c>(γ^(i-1), γ^i]</c> milliseconds with <c>γ = (1 + α) / (1 − α)</c>, and a quantile is answered with the
/// bucket's representative <c>2γ^i / (γ + 1)</c>. For any quantile q the answer is within
/// <see cref="RelativeAccuracy"/> (1 %) of the exact value of rank ⌊q·(n − 1)⌋ among the recorded values; values at or
/// below <see cref="MinimumMs"/> (1 µs) count in a zero bucket answered as 0.
/// Merging two histograms adds their counts bucket by bucket, so minute histograms merge into hours and days, and
/// data planes' histograms merge into a control plane's, without losing that guarantee.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>α: the largest relative error of a quantile.</summary>
    public const double RelativeAccuracy = 0.01;

    /// <summary>Values at or below this many milliseconds are counted as zero.</summary>
    public const double MinimumMs = 0.001;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    private readonly SortedDictionary<int, long> _buckets = [];

    /// <summary>The number of recorded values.</summary>
    public long Count { get; private set; }

    /// <summary>The number of values counted as zero.</summary>
    public long ZeroCount { get; private set; }

    /// <summary>The sum of the recorded values, in milliseconds (for means).</summary>
    public double SumMs { get; private set; }

    /// <summary>The largest recorded value, in milliseconds.</summary>
    public double MaxMs { get; private set; }

    /// <summary>The non-empty buckets as (index, count), by increasing index.</summary>
    public IEnumerable<KeyValuePair<int, long>> Buckets => _buckets;

    /// <summary>Records one value in milliseconds (negative values count as zero).</summary>
    public void Record(double milliseconds) => Record(milliseconds, 1);

    /// <summary>Records <paramref name="count"/> occurrences of a value in milliseconds.</summary>
    public void Record(double milliseconds, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        if (double.IsNaN(milliseconds) || milliseconds <= MinimumMs)
        {
            ZeroCount += count;
        }
        else
        {
            var index = IndexOf(milliseconds);
            _buckets[index] = _buckets.GetValueOrDefault(index) + count;
            SumMs += milliseconds * count;
            MaxMs = Math.Max(MaxMs, milliseconds);
        }

        Count += count;
    }

    /// <summary>Adds every count of <paramref name="other"/> to this histogram.</summary>
    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (index, count) in other._buckets)
        {
            _buckets[index] = _buckets.GetValueOrDefault(index) + count;
        }

        ZeroCount += other.ZeroCount;
        Count += other.Count;
        SumMs += other.SumMs;
        MaxMs = Math.Max(MaxMs, other.MaxMs);
    }

    /// <summary>
    /// The value at quantile <paramref name="q"/> (0 ≤ q ≤ 1), within <see cref="RelativeAccuracy"/> of the exact
    /// value of rank ⌊q·(n − 1)⌋; null when the histogram is empty.
    /// </summary>
    public double? Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (Count == 0)
        {
            return null;
        }

        var rank = (long)Math.Floor(q * (Count - 1));
        if (rank < ZeroCount)
        {
            return 0;
        }

        var seen = ZeroCount;
        foreach (var (index, count) in _buckets)
        {
            seen += count;
            if (seen > rank)
            {
                return Math.Min(Representative(index), MaxMs);
            }
        }

        return MaxMs;
    }

    /// <summary>The compact wire form: zero count, sum, max and the non-empty buckets as parallel arrays.</summary>
    public LatencyHistogramData ToData() =>
        new(ZeroCount, SumMs, MaxMs, [.. _buckets.Keys], [.. _buckets.Values]);

    /// <summary>Rebuilds a histogram from its wire form; refuses inconsistent data.</summary>
    public static LatencyHistogram FromData(LatencyHistogramData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Indexes.Count != data.Counts.Count)
        {
            throw new ArgumentException("A histogram needs as many counts as bucket indexes.", nameof(data));
        }

        if (data.ZeroCount < 0 || data.Counts.Any(c => c < 0) || double.IsNaN(data.SumMs) || data.SumMs < 0 || data.MaxMs < 0)
        {
            throw new ArgumentException("A histogram's counts, sum and maximum cannot be negative.", nameof(data));
        }

        var histogram = new LatencyHistogram { ZeroCount = data.ZeroCount, SumMs = data.SumMs, MaxMs = data.MaxMs };
        histogram.Count = data.ZeroCount;
        for (var i = 0; i < data.Indexes.Count; i++)
        {
            histogram._buckets[data.Indexes[i]] = histogram._buckets.GetValueOrDefault(data.Indexes[i]) + data.Counts[i];
            histogram.Count += data.Counts[i];
        }

        return histogram;
    }

    private static int IndexOf(double milliseconds) => (int)Math.Ceiling(Math.Log(milliseconds) / LogGamma);

    private static double Representative(int index) => 2 * Math.Pow(Gamma, index) / (Gamma + 1);
}
