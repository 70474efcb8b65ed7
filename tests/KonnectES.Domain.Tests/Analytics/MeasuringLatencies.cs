using KonnectES.Domain.Analytics;

namespace KonnectES.Domain.Tests.Analytics;

public sealed class MeasuringLatencies
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_quantile_is_within_the_documented_relative_error_of_the_exact_one(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 5_000).Select(_ => LogNormal(random, mu: 3, sigma: 1.5)).ToArray();
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.Record(value);
        }

        Array.Sort(values);
        foreach (var q in new[] { 0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1 })
        {
            var exact = values[(int)Math.Floor(q * (values.Length - 1))];
            var estimate = histogram.Quantile(q)!.Value;
            Assert.InRange(estimate, exact * (1 - LatencyHistogram.RelativeAccuracy), exact * (1 + LatencyHistogram.RelativeAccuracy));
        }

        Assert.Equal(values.Length, histogram.Count);
        Assert.Equal(values.Sum(), histogram.SumMs, precision: 6);
        Assert.Equal(values[^1], histogram.MaxMs);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merged_histograms_answer_exactly_like_one_histogram_of_all_the_values(int seed)
    {
        var random = new Random(seed);
        var parts = Enumerable.Range(0, 7).Select(_ => new LatencyHistogram()).ToArray();
        var whole = new LatencyHistogram();
        for (var i = 0; i < 3_000; i++)
        {
            var value = random.Next(10) == 0 ? 0 : LogNormal(random, mu: 1, sigma: 2);
            parts[random.Next(parts.Length)].Record(value);
            whole.Record(value);
        }

        var merged = new LatencyHistogram();
        foreach (var part in parts)
        {
            merged.Merge(LatencyHistogram.FromData(part.ToData()));
        }

        Assert.Equal(whole.Count, merged.Count);
        Assert.Equal(whole.ZeroCount, merged.ZeroCount);
        Assert.Equal(whole.Buckets, merged.Buckets);
        foreach (var q in new[] { 0.5, 0.95, 0.99 })
        {
            Assert.Equal(whole.Quantile(q), merged.Quantile(q));
        }
    }

    [Fact]
    public void An_empty_histogram_has_no_quantiles_and_tiny_values_count_as_zero()
    {
        var histogram = new LatencyHistogram();
        Assert.Null(histogram.Quantile(0.5));

        histogram.Record(0.0001);
        histogram.Record(-3);
        histogram.Record(250, count: 2);

        Assert.Equal(4, histogram.Count);
        Assert.Equal(2, histogram.ZeroCount);
        Assert.Equal(0, histogram.Quantile(0.25));
        Assert.InRange(histogram.Quantile(1)!.Value, 250 * 0.99, 250);
    }

    [Fact]
    public void Inconsistent_wire_data_is_refused()
    {
        Assert.Throws<ArgumentException>(() => LatencyHistogram.FromData(new LatencyHistogramData(0, 1, 1, [1, 2], [1])));
        Assert.Throws<ArgumentException>(() => LatencyHistogram.FromData(new LatencyHistogramData(-1, 1, 1, [], [])));
        Assert.Throws<ArgumentException>(() => LatencyHistogram.FromData(new LatencyHistogramData(0, 1, 1, [3], [-5])));
    }

    private static double LogNormal(Random random, double mu, double sigma)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Exp(mu + (sigma * normal));
    }
}
