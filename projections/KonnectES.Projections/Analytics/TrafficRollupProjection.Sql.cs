using KonnectES.EventStore;
using Npgsql;

namespace KonnectES.Projections.Analytics;

/// <summary>Reading and writing rollup rows in bulk: arrays and <c>unnest</c>, every table's statements in one batch.</summary>
public sealed partial class TrafficRollupProjection
{
    /// <summary>Keys per statement: bounded arrays, whatever the size of the page.</summary>
    private const int KeysPerStatement = 10_000;

    private const string MeasureColumns =
        "requests, errors_4xx, errors_5xx, bytes_in, bytes_out, latency, upstream_latency, proxy_latency, " +
        "latency_p50, latency_p95, latency_p99, upstream_latency_p99, proxy_latency_p99";

    private async Task WriteAsync(ProjectionContext context, RollupFold fold, CancellationToken cancellationToken)
    {
        var tables = fold.Complete().Where(t => t.Rows.Count > 0).ToList();
        var chunks = tables
            .SelectMany(t => t.Rows.Keys.Chunk(KeysPerStatement).Select(keys => (t.Level, t.Granularity, Table: t.Level.Table(_schema, t.Granularity), Keys: keys, t.Rows)))
            .ToList();

        // the hours whose packed minutes change, per level keeping them
        var packs = tables
            .Where(t => t.Granularity == RollupGranularity.Minute && t.Level.HasMinutePoints)
            .Select(t => (t.Level, Table: t.Level.MinutePointsTable(_schema),
                Hours: t.Rows.Keys.GroupBy(k => k with { Bucket = k.Bucket.AddMinutes(-k.Bucket.Minute) }).ToDictionary(g => g.Key, g => g.ToList()),
                Stored: new Dictionary<RollupKey, byte[]>(), Points: new Dictionary<RollupKey, byte[]>()))
            .ToList();

        // one round trip: the stored rows of every touched key, merged into the folded ones, and the packed hours
        await using (var load = new NpgsqlBatch(context.Connection, context.Transaction))
        {
            foreach (var (level, _, table, keys, _) in chunks)
            {
                load.BatchCommands.Add(LoadCommand(level, table, keys, "t.requests, t.errors_4xx, t.errors_5xx, t.bytes_in, t.bytes_out, t.latency, t.upstream_latency, t.proxy_latency"));
            }

            foreach (var (level, table, hours, _, _) in packs)
            {
                load.BatchCommands.Add(LoadCommand(level, table, [.. hours.Keys], "t.points"));
            }

            await using var reader = await load.ExecuteReaderAsync(cancellationToken);
            foreach (var (level, _, _, _, rows) in chunks)
            {
                var dimensions = level.Dimensions.ToArray();
                var first = 2 + dimensions.Length;
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows[ReadKey(reader, dimensions)].AddStored(
                        reader.GetInt64(first), reader.GetInt64(first + 1), reader.GetInt64(first + 2), reader.GetInt64(first + 3),
                        reader.GetInt64(first + 4), reader.GetFieldValue<byte[]>(first + 5), reader.GetFieldValue<byte[]>(first + 6),
                        reader.GetFieldValue<byte[]>(first + 7));
                }

                await reader.NextResultAsync(cancellationToken);
            }

            foreach (var (level, _, _, stored, _) in packs)
            {
                var dimensions = level.Dimensions.ToArray();
                while (await reader.ReadAsync(cancellationToken))
                {
                    stored[ReadKey(reader, dimensions)] = reader.GetFieldValue<byte[]>(2 + dimensions.Length);
                }

                await reader.NextResultAsync(cancellationToken);
            }
        }

        // and one more: every row written back, and the packed hours with their new minutes
        await using var upsert = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var (level, granularity, table, keys, rows) in chunks)
        {
            var points = granularity == RollupGranularity.Minute && level.HasMinutePoints ? packs.Single(p => p.Level == level).Points : null;
            upsert.BatchCommands.Add(UpsertCommand(level, table, keys, rows, points));
        }

        foreach (var (level, table, hours, stored, points) in packs)
        {
            foreach (var chunk in hours.Chunk(KeysPerStatement))
            {
                var packed = chunk.Select(hour => MinutePoints.Replace(
                    stored.GetValueOrDefault(hour.Key),
                    new SortedDictionary<int, byte[]>(hour.Value.ToDictionary(k => k.Bucket.Minute, k => points[k])))).ToArray();
                upsert.BatchCommands.Add(UpsertPointsCommand(level, table, [.. chunk.Select(h => h.Key)], packed));
            }
        }

        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand UpsertPointsCommand(RollupLevel level, string table, RollupKey[] keys, byte[][] packed)
    {
        var columns = level.KeyColumns;
        var command = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {table} ({string.Join(", ", columns)}, points)
            SELECT * FROM unnest({string.Join(", ", columns.Select((c, i) => $"${i + 1}::{SqlType(c)}[]"))}, ${columns.Count + 1}::bytea[])
            ON CONFLICT ({string.Join(", ", columns)}) DO UPDATE SET points = excluded.points
            """);
        AddKeys(command, level, keys);
        command.Parameters.Add(new NpgsqlParameter { Value = packed });
        return command;
    }

    private static NpgsqlBatchCommand LoadCommand(RollupLevel level, string table, RollupKey[] keys, string values)
    {
        var columns = level.KeyColumns;
        // one index probe per key (the LIMIT keeps the lookup a nested loop driven by the keys), never a scan of the table
        var command = new NpgsqlBatchCommand(
            $"""
            SELECT {string.Join(", ", columns.Select(c => "t." + c))}, {values}
            FROM unnest({string.Join(", ", columns.Select((c, i) => $"${i + 1}::{SqlType(c)}[]"))}) AS k({string.Join(", ", columns)})
            CROSS JOIN LATERAL (SELECT * FROM {table} r WHERE {string.Join(" AND ", columns.Select(c => $"r.{c} = k.{c}"))} LIMIT 1) t
            """);
        AddKeys(command, level, keys);
        return command;
    }

    private static NpgsqlBatchCommand UpsertCommand(
        RollupLevel level, string table, RollupKey[] keys, Dictionary<RollupKey, TrafficMeasures> rows, Dictionary<RollupKey, byte[]>? points)
    {
        var columns = level.KeyColumns;
        var n = columns.Count;
        var command = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {table} ({string.Join(", ", columns)}, {MeasureColumns})
            SELECT * FROM unnest({string.Join(", ", columns.Select((c, i) => $"${i + 1}::{SqlType(c)}[]"))},
                ${n + 1}::bigint[], ${n + 2}::bigint[], ${n + 3}::bigint[], ${n + 4}::bigint[], ${n + 5}::bigint[],
                ${n + 6}::bytea[], ${n + 7}::bytea[], ${n + 8}::bytea[],
                ${n + 9}::float8[], ${n + 10}::float8[], ${n + 11}::float8[], ${n + 12}::float8[], ${n + 13}::float8[])
            ON CONFLICT ({string.Join(", ", columns)}) DO UPDATE SET
                requests = excluded.requests, errors_4xx = excluded.errors_4xx, errors_5xx = excluded.errors_5xx,
                bytes_in = excluded.bytes_in, bytes_out = excluded.bytes_out, latency = excluded.latency,
                upstream_latency = excluded.upstream_latency, proxy_latency = excluded.proxy_latency,
                latency_p50 = excluded.latency_p50, latency_p95 = excluded.latency_p95, latency_p99 = excluded.latency_p99,
                upstream_latency_p99 = excluded.upstream_latency_p99, proxy_latency_p99 = excluded.proxy_latency_p99
            """);
        AddKeys(command, level, keys);
        var count = keys.Length;
        var requests = new long[count];
        var errors4xx = new long[count];
        var errors5xx = new long[count];
        var bytesIn = new long[count];
        var bytesOut = new long[count];
        var latency = new byte[count][];
        var upstream = new byte[count][];
        var proxy = new byte[count][];
        var p50 = new double?[count];
        var p95 = new double?[count];
        var p99 = new double?[count];
        var upstreamP99 = new double?[count];
        var proxyP99 = new double?[count];
        for (var i = 0; i < count; i++)
        {
            var m = rows[keys[i]];
            requests[i] = m.Requests;
            errors4xx[i] = m.Errors4xx;
            errors5xx[i] = m.Errors5xx;
            bytesIn[i] = m.BytesIn;
            bytesOut[i] = m.BytesOut;
            var total = m.Latency.View();
            var toUpstream = m.UpstreamLatency.View();
            var inProxy = m.ProxyLatency.View();
            latency[i] = total.ToBytes();
            upstream[i] = toUpstream.ToBytes();
            proxy[i] = inProxy.ToBytes();
            p50[i] = total.Quantile(0.5);
            p95[i] = total.Quantile(0.95);
            p99[i] = total.Quantile(0.99);
            upstreamP99[i] = toUpstream.Quantile(0.99);
            proxyP99[i] = inProxy.Quantile(0.99);
            if (points is not null)
            {
                points[keys[i]] = MinutePoints.Encode(m.Requests, m.Errors4xx, m.Errors5xx, m.BytesIn, m.BytesOut, [p50[i], p95[i], p99[i], upstreamP99[i], proxyP99[i]]);
            }
        }

        foreach (var values in new object[] { requests, errors4xx, errors5xx, bytesIn, bytesOut, latency, upstream, proxy, p50, p95, p99, upstreamP99, proxyP99 })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = values });
        }

        return command;
    }

    private static RollupKey ReadKey(NpgsqlDataReader reader, TrafficDimension[] dimensions)
    {
        var key = new RollupKey(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), Guid.Empty, Guid.Empty, Guid.Empty, 0, Guid.Empty);
        for (var i = 0; i < dimensions.Length; i++)
        {
            key = dimensions[i] switch
            {
                TrafficDimension.Service => key with { ServiceId = reader.GetGuid(2 + i) },
                TrafficDimension.Route => key with { RouteId = reader.GetGuid(2 + i) },
                TrafficDimension.Consumer => key with { ConsumerId = reader.GetGuid(2 + i) },
                TrafficDimension.StatusCodeClass => key with { StatusClass = reader.GetInt16(2 + i) },
                _ => key with { NodeId = reader.GetGuid(2 + i) },
            };
        }

        return key;
    }

    private static void AddKeys(NpgsqlBatchCommand command, RollupLevel level, RollupKey[] keys)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.ControlPlaneId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Bucket).ToArray() });
        foreach (var dimension in level.Dimensions)
        {
            command.Parameters.Add(new NpgsqlParameter
            {
                Value = dimension switch
                {
                    TrafficDimension.Service => keys.Select(k => k.ServiceId).ToArray(),
                    TrafficDimension.Route => keys.Select(k => k.RouteId).ToArray(),
                    TrafficDimension.Consumer => keys.Select(k => k.ConsumerId).ToArray(),
                    TrafficDimension.StatusCodeClass => keys.Select(k => k.StatusClass).ToArray(),
                    _ => (object)keys.Select(k => k.NodeId).ToArray(),
                },
            });
        }
    }

    private static string SqlType(string column) => column switch
    {
        "bucket" => "timestamptz",
        "status_class" => "smallint",
        _ => "uuid",
    };
}
