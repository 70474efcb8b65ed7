using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// Answers traffic questions from the rollup table of the requested granularity: rows are filtered in SQL, then grouped
/// and their histograms merged here, so percentiles of a group or of the totals keep the 1 % bound.
/// </summary>
public sealed class TrafficAnalyticsReader(IEventStore store, IOptions<ReadModelOptions> options)
{
    private readonly string _schema = options.Value.Schema;

    /// <summary>The series and totals of <paramref name="query"/>.</summary>
    public async Task<TrafficAnalytics> QueryAsync(TrafficQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var dims = query.GroupBy.ToHashSet();
        var groups = new SortedDictionary<RollupKey, SortedDictionary<DateTimeOffset, TrafficMeasures>>(GroupOrder.Instance);
        var totals = new TrafficMeasures();
        await using var command = store.DataSource.CreateCommand(
            $"""
            SELECT bucket, service_id, route_id, consumer_id, status_class, node_id,
                   requests, errors_4xx, errors_5xx, bytes_in, bytes_out, latency::text, upstream_latency::text, proxy_latency::text
            FROM {AnalyticsSchema.Table(_schema, query.Granularity)}
            WHERE control_plane_id = $1 AND bucket >= $2 AND bucket < $3
              AND ($4::uuid IS NULL OR service_id = $4) AND ($5::uuid IS NULL OR route_id = $5)
              AND ($6::uuid IS NULL OR consumer_id = $6) AND ($7::uuid IS NULL OR node_id = $7)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = query.ControlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = Truncate(query.From.ToUniversalTime(), query.Granularity) });
        command.Parameters.Add(new NpgsqlParameter { Value = query.To.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = query.ServiceId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = query.RouteId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = query.ConsumerId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = query.DataPlaneId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var bucket = reader.GetFieldValue<DateTimeOffset>(0);
                var group = new RollupKey(
                    Guid.Empty, default,
                    dims.Contains(TrafficDimension.Service) ? reader.GetGuid(1) : Guid.Empty,
                    dims.Contains(TrafficDimension.Route) ? reader.GetGuid(2) : Guid.Empty,
                    dims.Contains(TrafficDimension.Consumer) ? reader.GetGuid(3) : Guid.Empty,
                    dims.Contains(TrafficDimension.StatusCodeClass) ? reader.GetInt16(4) : (short)0,
                    dims.Contains(TrafficDimension.DataPlane) ? reader.GetGuid(5) : Guid.Empty);
                var measures = TrafficMeasures.FromStored(
                    reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10),
                    reader.GetString(11), reader.GetString(12), reader.GetString(13));
                if (!groups.TryGetValue(group, out var points))
                {
                    groups[group] = points = [];
                }

                if (points.TryGetValue(bucket, out var point))
                {
                    point.Merge(measures);
                }
                else
                {
                    points[bucket] = measures;
                }
            }
        }

        var series = new List<TrafficSeries>(groups.Count);
        foreach (var (group, points) in groups)
        {
            foreach (var measures in points.Values)
            {
                totals.Merge(measures);
            }

            series.Add(new TrafficSeries(Dimensions(group, query.GroupBy), [.. points.Select(p => TrafficPoint.From(p.Key, p.Value))]));
        }

        return new TrafficAnalytics(series, TrafficPoint.From(null, totals));
    }

    private static Dictionary<string, object?> Dimensions(RollupKey group, IReadOnlyList<TrafficDimension> dims)
    {
        var values = new Dictionary<string, object?>();
        foreach (var dim in dims.Distinct())
        {
            switch (dim)
            {
                case TrafficDimension.Service: values["serviceId"] = Id(group.ServiceId); break;
                case TrafficDimension.Route: values["routeId"] = Id(group.RouteId); break;
                case TrafficDimension.Consumer: values["consumerId"] = Id(group.ConsumerId); break;
                case TrafficDimension.StatusCodeClass: values["statusCodeClass"] = $"{group.StatusClass}xx"; break;
                case TrafficDimension.DataPlane: values["dataPlaneId"] = Id(group.NodeId); break;
            }
        }

        return values;
    }

    private static string? Id(Guid id) => id == Guid.Empty ? null : id.ToString();

    private static DateTimeOffset Truncate(DateTimeOffset t, RollupGranularity granularity) => granularity switch
    {
        RollupGranularity.Minute => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero),
        RollupGranularity.Hour => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero),
        _ => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero),
    };

    private sealed class GroupOrder : IComparer<RollupKey>
    {
        public static readonly GroupOrder Instance = new();

        public int Compare(RollupKey x, RollupKey y)
        {
            var c = x.ServiceId.CompareTo(y.ServiceId);
            c = c != 0 ? c : x.RouteId.CompareTo(y.RouteId);
            c = c != 0 ? c : x.ConsumerId.CompareTo(y.ConsumerId);
            c = c != 0 ? c : x.StatusClass.CompareTo(y.StatusClass);
            return c != 0 ? c : x.NodeId.CompareTo(y.NodeId);
        }
    }
}
