namespace KonnectES.DataPlane.Observability;

/// <summary>A Prometheus histogram with Kong's latency buckets (in milliseconds), updated without locks.</summary>
internal sealed class LatencyBuckets
{
    /// <summary>Kong's Prometheus plugin's default bucket bounds.</summary>
    public static readonly double[] Bounds = [1, 2, 5, 7, 10, 15, 20, 30, 50, 75, 100, 200, 500, 750, 1000, 3000, 6000];

    private readonly long[] _counts = new long[Bounds.Length + 1];
    private long _sumMicros;

    /// <summary>Records one observation.</summary>
    public void Observe(double milliseconds)
    {
        var index = Array.BinarySearch(Bounds, milliseconds);
        Interlocked.Increment(ref _counts[index >= 0 ? index : ~index]);
        Interlocked.Add(ref _sumMicros, (long)(Math.Max(0, milliseconds) * 1000));
    }

    /// <summary>Cumulative counts per bound (the last one is <c>+Inf</c>), the sum in milliseconds and the count.</summary>
    public (long[] Cumulative, double SumMs, long Count) Read()
    {
        var cumulative = new long[_counts.Length];
        long running = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            running += Interlocked.Read(ref _counts[i]);
            cumulative[i] = running;
        }

        return (cumulative, Interlocked.Read(ref _sumMicros) / 1000.0, running);
    }
}
