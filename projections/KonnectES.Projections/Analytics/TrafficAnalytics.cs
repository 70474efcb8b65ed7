namespace KonnectES.Projections.Analytics;

/// <summary>The answer to a <see cref="TrafficQuery"/>.</summary>
/// <param name="Series">One series per group, ordered by their dimensions.</param>
/// <param name="Totals">Everything in the range together.</param>
public sealed record TrafficAnalytics(IReadOnlyList<TrafficSeries> Series, TrafficPoint Totals);
