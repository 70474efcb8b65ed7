using System.Text.Json.Serialization;

namespace KonnectES.Domain.Analytics;

/// <summary>The wire and storage form of a <see cref="LatencyHistogram"/>.</summary>
/// <param name="ZeroCount">Values at or below 1 µs.</param>
/// <param name="SumMs">The sum of all values, in milliseconds.</param>
/// <param name="MaxMs">The largest value, in milliseconds.</param>
/// <param name="Indexes">Bucket indexes, increasing.</param>
/// <param name="Counts">The count of each bucket in <paramref name="Indexes"/>.</param>
public sealed record LatencyHistogramData(
    [property: JsonPropertyName("zero")] long ZeroCount,
    [property: JsonPropertyName("sum")] double SumMs,
    [property: JsonPropertyName("max")] double MaxMs,
    [property: JsonPropertyName("i")] IReadOnlyList<int> Indexes,
    [property: JsonPropertyName("c")] IReadOnlyList<long> Counts);
