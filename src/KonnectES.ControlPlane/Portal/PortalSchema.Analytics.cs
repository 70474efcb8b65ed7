using System.Text.Json;
using KonnectES.GraphQL;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using KonnectES.Projections.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Portal;

/// <summary>
/// Analytics in the portal: <c>ControlPlane.analytics</c> (traffic rollups reported by the data planes, see
/// <c>docs/analytics.md</c>) and <c>ControlPlane.configChangeAnalytics</c> (changes per day by actor and entity kind,
/// from the audit log). Both are reads: any role of the control plane may ask.
/// </summary>
public static partial class PortalSchema
{
    private const string AnalyticsSdl = """
        "How many entity changes one actor made to one kind of entity on one UTC day."
        type ConfigChangeCount { day: DateTime! actor: String entityType: EntityType! count: Int! }

        extend type ControlPlane {
          "Configuration changes from `from` (inclusive) to `to` (exclusive) per UTC day, actor and entity kind, from the audit log."
          configChangeAnalytics(from: DateTime!, to: DateTime!): [ConfigChangeCount!]!
        }
        """;

    private static readonly TimeSpan MaxAnalyticsRange = TimeSpan.FromDays(400);

    private static void BindAnalytics(SchemaBuilder builder) => builder
        .AddTypeDefinitions(AnalyticsSdl)
        .ResolveAsync("ControlPlane", "analytics", async c =>
        {
            var controlPlaneId = ParentControlPlane(c);
            CallerReading(c, controlPlaneId);
            var (from, to) = Range(c);
            var filter = c.Arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>;
            var query = new TrafficQuery(controlPlaneId, from, to, Enum.Parse<RollupGranularity>((string)c.Arguments["granularity"]!, ignoreCase: true))
            {
                GroupBy = c.Arguments.GetValueOrDefault("groupBy") is IEnumerable<object?> groupBy
                    ? [.. groupBy.OfType<string>().Select(d => Enum.Parse<TrafficDimension>(d.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true))]
                    : [],
                ServiceId = PortalRequest.OptionalId(filter?.GetValueOrDefault("serviceId")),
                RouteId = PortalRequest.OptionalId(filter?.GetValueOrDefault("routeId")),
                ConsumerId = PortalRequest.OptionalId(filter?.GetValueOrDefault("consumerId")),
                DataPlaneId = PortalRequest.OptionalId(filter?.GetValueOrDefault("dataPlaneId")),
            };
            var result = await c.Services.GetRequiredService<TrafficAnalyticsReader>().QueryAsync(query, c.CancellationToken);
            return (object?)new Dictionary<string, object?>
            {
                ["series"] = result.Series.Select(s => new Dictionary<string, object?>
                {
                    ["dimensions"] = s.Dimensions,
                    ["points"] = s.Points.Select(AnalyticsPointView).ToList(),
                }).ToList(),
                ["totals"] = AnalyticsPointView(result.Totals),
            };
        })
        .ResolveAsync("ControlPlane", "configChangeAnalytics", async c =>
        {
            var controlPlaneId = ParentControlPlane(c);
            CallerReading(c, controlPlaneId);
            var (from, to) = Range(c);
            var counts = await c.Services.GetRequiredService<ConfigChangeAnalyticsReader>().QueryAsync(controlPlaneId, from, to, c.CancellationToken);
            return (object?)counts.Select(n => new Dictionary<string, object?>
            {
                ["day"] = n.Day,
                ["actor"] = n.Actor,
                ["entityType"] = JsonNamingPolicy.SnakeCaseUpper.ConvertName(n.EntityType),
                ["count"] = n.Count,
            }).ToList();
        });

    private static (DateTimeOffset From, DateTimeOffset To) Range(IResolverContext c)
    {
        var from = (DateTimeOffset)c.Arguments["from"]!;
        var to = (DateTimeOffset)c.Arguments["to"]!;
        if (to < from || to - from > MaxAnalyticsRange)
        {
            throw new GraphQLException($"'to' must not be before 'from', and the range may span at most {MaxAnalyticsRange.TotalDays} days.", "BAD_USER_INPUT");
        }

        return (from, to);
    }

    private static Dictionary<string, object?> AnalyticsPointView(TrafficPoint p) => new()
    {
        ["timestamp"] = p.Timestamp,
        ["requestCount"] = p.RequestCount,
        ["errorCount4xx"] = p.ErrorCount4xx,
        ["errorCount5xx"] = p.ErrorCount5xx,
        ["latencyP50Ms"] = p.LatencyP50Ms,
        ["latencyP95Ms"] = p.LatencyP95Ms,
        ["latencyP99Ms"] = p.LatencyP99Ms,
        ["upstreamLatencyP99Ms"] = p.UpstreamLatencyP99Ms,
        ["proxyLatencyP99Ms"] = p.ProxyLatencyP99Ms,
        ["bytesIn"] = (double)p.BytesIn,
        ["bytesOut"] = (double)p.BytesOut,
    };
}
