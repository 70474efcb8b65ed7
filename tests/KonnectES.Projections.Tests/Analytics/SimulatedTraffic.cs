using KonnectES.Domain.Analytics;

namespace KonnectES.Projections.Tests.Analytics;

/// <summary>
/// Random requests over a few routes, consumers and statuses, and the reports a data plane would send for them: each
/// node folds its requests into per-minute rows with latency histograms and flushes a report every
/// <c>requestsPerReport</c> requests.
/// </summary>
public sealed class SimulatedTraffic
{
    private static readonly int[] Statuses = [200, 200, 200, 201, 204, 301, 404, 429, 500, 503];

    public SimulatedTraffic(int seed, int requests, DateTimeOffset start, int routes = 3, int minutes = 3, int nodes = 2)
    {
        var random = new Random(seed);
        Services = [.. Enumerable.Range(0, routes).Select(_ => Guid.NewGuid())];
        Routes = [.. Enumerable.Range(0, routes).Select(_ => Guid.NewGuid())];
        Consumers = [Guid.NewGuid(), Guid.NewGuid(), null];
        Nodes = [.. Enumerable.Range(0, nodes).Select(_ => Guid.NewGuid())];
        var list = new List<SimulatedRequest>(requests);
        for (var i = 0; i < requests; i++)
        {
            var route = random.Next(routes);
            var latency = Math.Exp(random.NextDouble() * 6 - 1); // 0.37 ms .. 148 ms, log-uniform
            var upstream = latency * random.NextDouble();
            list.Add(new SimulatedRequest(
                Nodes[random.Next(nodes)], start.AddMinutes(random.Next(minutes)).AddSeconds(random.Next(60)),
                Services[route], Routes[route], Consumers[random.Next(Consumers.Count)], Statuses[random.Next(Statuses.Length)],
                latency, upstream, random.Next(100, 2_000), random.Next(100, 50_000)));
        }

        Requests = list;
    }

    public IReadOnlyList<Guid> Services { get; }

    public IReadOnlyList<Guid> Routes { get; }

    public IReadOnlyList<Guid?> Consumers { get; }

    public IReadOnlyList<Guid> Nodes { get; }

    public IReadOnlyList<SimulatedRequest> Requests { get; }

    /// <summary>The reports the nodes send, each covering <paramref name="requestsPerReport"/> consecutive requests of its node.</summary>
    public IReadOnlyList<TrafficReport> Reports(int requestsPerReport) =>
        [.. Requests.GroupBy(r => r.NodeId).SelectMany(node => node.Chunk(requestsPerReport).Select(chunk => Report(node.Key, chunk)))];

    public static TrafficReport Report(Guid nodeId, IEnumerable<SimulatedRequest> requests)
    {
        var rows = new List<TrafficRow>();
        foreach (var g in requests.GroupBy(r => (Minute: Minute(r.CompletedAt), r.ServiceId, r.RouteId, r.ConsumerId, r.Status)))
        {
            LatencyHistogram total = new(), upstream = new(), proxy = new();
            foreach (var r in g)
            {
                total.Record(r.LatencyMs);
                upstream.Record(r.UpstreamLatencyMs);
                proxy.Record(r.LatencyMs - r.UpstreamLatencyMs);
            }

            rows.Add(new TrafficRow(
                g.Key.Minute, g.Key.ServiceId, g.Key.RouteId, g.Key.ConsumerId, g.Key.Status, g.Count(),
                g.Sum(r => r.BytesIn), g.Sum(r => r.BytesOut), total.ToData(), upstream.ToData(), proxy.ToData()));
        }

        return new TrafficReport(Guid.NewGuid(), nodeId, DateTimeOffset.UtcNow, rows);
    }

    /// <summary>The exact value of rank ⌊q·(n − 1)⌋, the rank the histogram's guarantee speaks of.</summary>
    public static double ExactQuantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Floor(q * (sorted.Count - 1))];
    }

    public static DateTimeOffset Minute(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);
}
