using KonnectES.Domain.Analytics;

namespace KonnectES.Projections.Tests.Analytics;

public sealed class StoringLatencyHistograms
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_storage_form_gives_back_the_same_counts_sum_and_maximum(int seed)
    {
        var random = new Random(seed);
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 2_000; i++)
        {
            histogram.Record(random.Next(20) == 0 ? 0 : Math.Exp((random.NextDouble() * 16) - 6)); // 2.5 µs .. 22 s, and zeros
        }

        var back = LatencyHistogram.FromBytes(histogram.ToBytes());

        Assert.Equal(histogram.Buckets, back.Buckets);
        Assert.Equal(histogram.Count, back.Count);
        Assert.Equal(histogram.ZeroCount, back.ZeroCount);
        Assert.Equal(histogram.SumMs, back.SumMs);
        Assert.Equal(histogram.MaxMs, back.MaxMs);
        Assert.True(histogram.ToBytes().Length < 4 * histogram.Buckets.Count() + 30);
    }

    [Fact]
    public void Merging_the_storage_form_equals_merging_the_histograms()
    {
        var random = new Random(4);
        var parts = Enumerable.Range(0, 5).Select(_ => new LatencyHistogram()).ToArray();
        var whole = new LatencyHistogram();
        for (var i = 0; i < 3_000; i++)
        {
            var value = Math.Exp((random.NextDouble() * 8) - 2);
            parts[random.Next(parts.Length)].Record(value);
            whole.Record(value);
        }

        var merged = new LatencyHistogram();
        foreach (var part in parts)
        {
            merged.MergeBytes(part.ToBytes());
        }

        Assert.Equal(whole.Buckets, merged.Buckets);
        Assert.Equal(whole.Count, merged.Count);
        Assert.Equal(whole.MaxMs, merged.MaxMs);
        Assert.Equal(whole.Quantile(0.99), merged.Quantile(0.99));
    }

    [Fact]
    public void An_empty_histogram_round_trips_and_has_no_quantiles()
    {
        var back = LatencyHistogram.FromBytes(new LatencyHistogram().ToBytes());

        Assert.Equal(0, back.Count);
        Assert.Empty(back.Buckets);
        Assert.Null(back.Quantile(0.5));
    }

    [Fact]
    public void Malformed_bytes_are_refused_and_leave_the_histogram_unchanged()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(12.5);
        var bytes = histogram.ToBytes();
        var target = new LatencyHistogram();
        target.Record(3);

        Assert.Throws<FormatException>(() => target.MergeBytes(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<FormatException>(() => target.MergeBytes([.. bytes, 0]));
        Assert.Throws<FormatException>(() => target.MergeBytes([]));
        Assert.Throws<FormatException>(() => target.MergeBytes([9, .. bytes.AsSpan(1)]));
        Assert.Equal(1, target.Count);
        Assert.Single(target.Buckets);
        Assert.Equal(3, target.MaxMs);
    }

    [Fact]
    public void Wire_data_with_bucket_indexes_no_latency_has_is_refused()
    {
        Assert.Throws<ArgumentException>(() => LatencyHistogram.FromData(new LatencyHistogramData(0, 1, 1, [int.MaxValue], [1])));
        Assert.Throws<ArgumentException>(() => LatencyHistogram.FromData(new LatencyHistogramData(0, 1, 1, [-100_000], [1])));
    }
}
