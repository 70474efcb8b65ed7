using System.Data;
using KonnectES.Domain.Analytics;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// Answers traffic questions from the narrowest <see cref="RollupLevel"/> that keeps the query's group-by and filter
/// dimensions, at the requested granularity (minutes of a range spanning a whole hour from the minutes packed per hour,
/// when the level keeps them). A point made of one stored row takes that row's stored percentiles; a
/// point made of several rows merges their histograms. The totals merge the histograms of the next coarser
/// granularity for the buckets it covers whole (an hour for 60 minutes) and of the requested one at the edges, at the
/// narrowest level keeping the filters (the grouping does not change them), so
/// percentiles of a group or of the totals keep the 1 % bound while few histograms are read. Everything is read from
/// one snapshot.
/// </summary>
public sealed class TrafficAnalyticsReader(IEventStore store, IOptions<ReadModelOptions> options)
{
    private const string Histograms = "latency, upstream_latency, proxy_latency";
    private readonly string _schema = options.Value.Schema;

    /// <summary>The series and totals of <paramref name="query"/>.</summary>
    public async Task<TrafficAnalytics> QueryAsync(TrafficQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var level = RollupLevel.For(query);
        var granularity = query.Granularity;
        var fine = level.Table(_schema, granularity);
        var from = Truncate(query.From.ToUniversalTime(), granularity);
        var to = query.To.ToUniversalTime();
        var end = to > from ? Ceiling(to, granularity) : from; // the buckets before `to` are those before `end`
        var coarser = granularity switch { RollupGranularity.Minute => RollupGranularity.Hour, RollupGranularity.Hour => RollupGranularity.Day, _ => (RollupGranularity?)null };
        var (coarseFrom, coarseTo) = coarser is { } c ? (Ceiling(from, c), Truncate(end, c)) : (end, end);
        var split = coarseFrom < coarseTo; // whole coarser buckets give the totals' histograms there
        var groupBy = query.GroupBy.Distinct().ToArray();

        // The totals do not depend on the grouping: their histograms come from the narrowest level keeping the filters.
        var totalsLevel = RollupLevel.For(query with { GroupBy = [] });
        var totalsFine = totalsLevel.Table(_schema, granularity);
        var dimensions = string.Concat(groupBy.Select(d => ", " + RollupLevel.Column(d)));

        // A day of minutes comes from the minutes packed per hour when the level keeps them (24 rows per key, not 1,440).
        var packed = split && granularity == RollupGranularity.Minute && level.HasMinutePoints;
        var groups = new Dictionary<RollupKey, List<TrafficSlot>>();
        var unsorted = new HashSet<RollupKey>();
        var totals = new TrafficMeasures();
        LatencyHistogram latency = new(), upstream = new(), proxy = new();
        var fineRequests = new Dictionary<DateTimeOffset, long>();
        var coarseRows = new Dictionary<DateTimeOffset, (long Requests, List<byte[][]> Histograms)>();
        var counts = new long[5];
        var quantiles = new double?[5];

        List<TrafficSlot> Slots(RollupKey group)
        {
            if (!groups.TryGetValue(group, out var slots))
            {
                groups[group] = slots = [];
            }

            return slots;
        }

        void Add(List<TrafficSlot> slots, RollupKey group, DateTimeOffset bucket, byte[]? latencyBytes, byte[]? upstreamBytes, byte[]? proxyBytes)
        {
            var slot = slots.Count > 0 ? slots[^1] : null;
            if (slot?.Bucket != bucket)
            {
                if (slot is not null && slot.Bucket > bucket)
                {
                    unsorted.Add(group);
                }

                slots.Add(slot = new TrafficSlot(bucket));
            }

            slot.Add(counts, quantiles);
            totals.AddCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
            if (split && !packed)
            {
                var coarse = Truncate(bucket, coarser!.Value);
                fineRequests[coarse] = fineRequests.GetValueOrDefault(coarse) + counts[0];
            }
            else if (!split)
            {
                slot.AddHistograms(latencyBytes!, upstreamBytes!, proxyBytes!);
                latency.MergeBytes(latencyBytes);
                upstream.MergeBytes(upstreamBytes);
                proxy.MergeBytes(proxyBytes);
            }
        }

        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(packed
                ? Command(query, $"SELECT bucket{dimensions}, points FROM {level.MinutePointsTable(_schema)} WHERE @where ORDER BY bucket", (Truncate(from, RollupGranularity.Hour), end))
                : Command(
                    query,
                    $"""
                    SELECT bucket{dimensions}, requests, errors_4xx, errors_5xx, bytes_in, bytes_out,
                           latency_p50, latency_p95, latency_p99, upstream_latency_p99, proxy_latency_p99{(split ? "" : ", " + Histograms)}
                    FROM {fine} WHERE @where ORDER BY bucket
                    """,
                    (from, end)));
            if (split)
            {
                batch.BatchCommands.Add(Command(
                    query, $"SELECT bucket, requests, {Histograms} FROM {totalsLevel.Table(_schema, coarser!.Value)} WHERE @where", (coarseFrom, coarseTo)));
                batch.BatchCommands.Add(Command(query, $"SELECT {Histograms} FROM {totalsFine} WHERE @where", (from, coarseFrom), (coarseTo, end)));
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var first = 1 + groupBy.Length;
            while (await reader.ReadAsync(cancellationToken))
            {
                var bucket = reader.GetFieldValue<DateTimeOffset>(0);
                var group = ReadGroup(reader, groupBy);
                var slots = Slots(group);
                if (packed)
                {
                    var points = reader.GetFieldValue<byte[]>(first);
                    var position = 0;
                    long requests = 0;
                    while (position < points.Length)
                    {
                        var minute = bucket.AddMinutes(MinutePoints.ReadMinute(points, ref position, counts, quantiles));
                        if (minute >= from && minute < end)
                        {
                            Add(slots, group, minute, null, null, null);
                            requests += counts[0];
                        }
                    }

                    fineRequests[bucket] = fineRequests.GetValueOrDefault(bucket) + requests; // the packed row's hour
                    continue;
                }

                for (var i = 0; i < 5; i++)
                {
                    counts[i] = reader.GetInt64(first + i);
                    quantiles[i] = reader.IsDBNull(first + 5 + i) ? null : reader.GetDouble(first + 5 + i);
                }

                if (split)
                {
                    Add(slots, group, bucket, null, null, null);
                }
                else
                {
                    Add(slots, group, bucket, reader.GetFieldValue<byte[]>(first + 10), reader.GetFieldValue<byte[]>(first + 11), reader.GetFieldValue<byte[]>(first + 12));
                }
            }

            if (split)
            {
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var bucket = reader.GetFieldValue<DateTimeOffset>(0);
                    var (requests, histograms) = coarseRows.GetValueOrDefault(bucket, (0, []));
                    histograms.Add([reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<byte[]>(4)]);
                    coarseRows[bucket] = (requests + reader.GetInt64(1), histograms);
                }

                await reader.NextResultAsync(cancellationToken);
                await MergeAsync(reader, 0, latency, upstream, proxy, cancellationToken);
            }
        }

        // Rows of one group and bucket that did not arrive together (a route that changed service) become one point.
        foreach (var group in unsorted)
        {
            var slots = groups[group];
            slots.Sort((x, y) => x.Bucket.CompareTo(y.Bucket));
            var merged = new List<TrafficSlot>(slots.Count);
            foreach (var slot in slots)
            {
                if (merged.Count > 0 && merged[^1].Bucket == slot.Bucket)
                {
                    merged[^1].Absorb(slot);
                }
                else
                {
                    merged.Add(slot);
                }
            }

            groups[group] = merged;
        }

        // Points of several rows merge those rows' histograms (read along with the points when not split).
        var multiple = new Dictionary<(RollupKey Group, DateTimeOffset Bucket), TrafficSlot>();
        foreach (var (group, slots) in split ? groups : [])
        {
            foreach (var slot in slots.Where(s => s.Rows > 1))
            {
                multiple[(group, slot.Bucket)] = slot;
            }
        }

        // A coarser bucket whose requests differ from its finer ones' (minutes expire before hours) is read finely.
        var stale = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (var (bucket, (requests, histograms)) in coarseRows)
        {
            if (requests == fineRequests.GetValueOrDefault(bucket))
            {
                foreach (var row in histograms)
                {
                    latency.MergeBytes(row[0]);
                    upstream.MergeBytes(row[1]);
                    proxy.MergeBytes(row[2]);
                }
            }
            else
            {
                stale.Add((bucket, Next(bucket, coarser!.Value)));
            }
        }

        foreach (var bucket in fineRequests.Keys.Where(b => !coarseRows.ContainsKey(b) && b >= coarseFrom && b < coarseTo))
        {
            stale.Add((bucket, Next(bucket, coarser!.Value)));
        }

        if (multiple.Count > 0 || stale.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            if (multiple.Count > 0)
            {
                var buckets = multiple.Keys.Select(k => k.Bucket).Distinct().ToArray();
                var command = Command(query, $"SELECT bucket{dimensions}, {Histograms} FROM {fine} WHERE @where AND bucket = ANY($@next)", (from, end));
                command.Parameters.Add(new NpgsqlParameter { Value = buckets });
                batch.BatchCommands.Add(command);
            }

            if (stale.Count > 0)
            {
                batch.BatchCommands.Add(Command(query, $"SELECT {Histograms} FROM {totalsFine} WHERE @where", [.. stale]));
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            if (multiple.Count > 0)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (multiple.TryGetValue((ReadGroup(reader, groupBy), reader.GetFieldValue<DateTimeOffset>(0)), out var slot))
                    {
                        var first = 1 + groupBy.Length;
                        slot.AddHistograms(reader.GetFieldValue<byte[]>(first), reader.GetFieldValue<byte[]>(first + 1), reader.GetFieldValue<byte[]>(first + 2));
                    }
                }

                await reader.NextResultAsync(cancellationToken);
            }

            if (stale.Count > 0)
            {
                await MergeAsync(reader, 0, latency, upstream, proxy, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        var series = new List<TrafficSeries>(groups.Count);
        foreach (var (group, slots) in groups.OrderBy(g => g.Key, GroupOrder.Instance))
        {
            series.Add(new TrafficSeries(Dimensions(group, groupBy), slots.ConvertAll(s => s.ToPoint())));
        }

        return new TrafficAnalytics(series, TrafficPoint.From(null, totals, latency, upstream, proxy));
    }

    /// <summary>
    /// A command of <paramref name="sql"/> whose <c>@where</c> becomes the control plane, the bucket ranges and the
    /// filters, and whose <c>@next</c> is the number of the next parameter.
    /// </summary>
    private static NpgsqlBatchCommand Command(TrafficQuery query, string sql, params (DateTimeOffset From, DateTimeOffset To)[] ranges)
    {
        var command = new NpgsqlBatchCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = query.ControlPlaneId });
        var conditions = new List<string>();
        foreach (var (from, to) in ranges.Where(r => r.From < r.To))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = from });
            command.Parameters.Add(new NpgsqlParameter { Value = to });
            conditions.Add($"(bucket >= ${command.Parameters.Count - 1} AND bucket < ${command.Parameters.Count})");
        }

        var where = $"control_plane_id = $1 AND ({(conditions.Count == 0 ? "false" : string.Join(" OR ", conditions))})";
        foreach (var (id, column) in new[] { (query.ServiceId, "service_id"), (query.RouteId, "route_id"), (query.ConsumerId, "consumer_id"), (query.DataPlaneId, "node_id") })
        {
            if (id is { } value)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
                where += $" AND {column} = ${command.Parameters.Count}";
            }
        }

        command.CommandText = sql.Replace("@where", where, StringComparison.Ordinal)
            .Replace("@next", (command.Parameters.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return command;
    }

    private static async Task MergeAsync(
        NpgsqlDataReader reader, int first, LatencyHistogram latency, LatencyHistogram upstream, LatencyHistogram proxy, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            latency.MergeBytes(reader.GetFieldValue<byte[]>(first));
            upstream.MergeBytes(reader.GetFieldValue<byte[]>(first + 1));
            proxy.MergeBytes(reader.GetFieldValue<byte[]>(first + 2));
        }
    }

    private static RollupKey ReadGroup(NpgsqlDataReader reader, TrafficDimension[] groupBy)
    {
        var key = default(RollupKey);
        for (var i = 0; i < groupBy.Length; i++)
        {
            key = groupBy[i] switch
            {
                TrafficDimension.Service => key with { ServiceId = reader.GetGuid(1 + i) },
                TrafficDimension.Route => key with { RouteId = reader.GetGuid(1 + i) },
                TrafficDimension.Consumer => key with { ConsumerId = reader.GetGuid(1 + i) },
                TrafficDimension.StatusCodeClass => key with { StatusClass = reader.GetInt16(1 + i) },
                _ => key with { NodeId = reader.GetGuid(1 + i) },
            };
        }

        return key;
    }

    private static Dictionary<string, object?> Dimensions(RollupKey group, IReadOnlyList<TrafficDimension> dims)
    {
        var values = new Dictionary<string, object?>();
        foreach (var dim in dims)
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

    private static DateTimeOffset Next(DateTimeOffset bucket, RollupGranularity granularity) => granularity switch
    {
        RollupGranularity.Minute => bucket.AddMinutes(1),
        RollupGranularity.Hour => bucket.AddHours(1),
        _ => bucket.AddDays(1),
    };

    private static DateTimeOffset Ceiling(DateTimeOffset t, RollupGranularity granularity)
    {
        var truncated = Truncate(t, granularity);
        return truncated == t ? t : Next(truncated, granularity);
    }

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
