using KonnectES.EventStore;
using Npgsql;

namespace KonnectES.Projections.Analytics;

/// <summary>Reading and writing rollup rows in bulk (arrays and <c>unnest</c>: one statement per table and page).</summary>
public sealed partial class TrafficRollupProjection
{
    private const string KeyColumns = "control_plane_id, bucket, service_id, route_id, consumer_id, status_class, node_id";

    private static async Task<Dictionary<RollupKey, TrafficMeasures>> LoadAsync(
        ProjectionContext context, string table, IEnumerable<RollupKey> keys, CancellationToken cancellationToken)
    {
        var list = keys.ToList();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT t.control_plane_id, t.bucket, t.service_id, t.route_id, t.consumer_id, t.status_class, t.node_id,
                   t.requests, t.errors_4xx, t.errors_5xx, t.bytes_in, t.bytes_out, t.latency::text, t.upstream_latency::text, t.proxy_latency::text
            FROM {table} t
            JOIN unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::uuid[], $6::smallint[], $7::uuid[]) AS k(cp, b, s, r, c, sc, n)
              ON (t.control_plane_id, t.bucket, t.service_id, t.route_id, t.consumer_id, t.status_class, t.node_id) = (k.cp, k.b, k.s, k.r, k.c, k.sc, k.n)
            """,
            context.Connection, context.Transaction);
        AddKeys(command, list);
        var stored = new Dictionary<RollupKey, TrafficMeasures>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new RollupKey(
                reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetGuid(4),
                reader.GetInt16(5), reader.GetGuid(6));
            stored[key] = TrafficMeasures.FromStored(
                reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11),
                reader.GetString(12), reader.GetString(13), reader.GetString(14));
        }

        return stored;
    }

    private static async Task UpsertAsync(
        ProjectionContext context, string table, Dictionary<RollupKey, TrafficMeasures> rows, CancellationToken cancellationToken)
    {
        var keys = rows.Keys.ToList();
        var measures = keys.Select(k => rows[k]).ToList();
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO {table} ({KeyColumns}, requests, errors_4xx, errors_5xx, bytes_in, bytes_out, latency, upstream_latency, proxy_latency)
            SELECT cp, b, s, r, c, sc, n, q, e4, e5, bi, bo, l::jsonb, ul::jsonb, pl::jsonb
            FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::uuid[], $6::smallint[], $7::uuid[],
                        $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::text[], $14::text[], $15::text[])
                 AS u(cp, b, s, r, c, sc, n, q, e4, e5, bi, bo, l, ul, pl)
            ON CONFLICT ({KeyColumns}) DO UPDATE SET requests = excluded.requests, errors_4xx = excluded.errors_4xx,
                errors_5xx = excluded.errors_5xx, bytes_in = excluded.bytes_in, bytes_out = excluded.bytes_out, latency = excluded.latency,
                upstream_latency = excluded.upstream_latency, proxy_latency = excluded.proxy_latency
            """,
            context.Connection, context.Transaction);
        AddKeys(command, keys);
        command.Parameters.Add(new NpgsqlParameter { Value = measures.Select(m => m.Requests).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = measures.Select(m => m.Errors4xx).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = measures.Select(m => m.Errors5xx).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = measures.Select(m => m.BytesIn).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = measures.Select(m => m.BytesOut).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = measures.Select(m => TrafficMeasures.WriteHistogram(m.Latency)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = measures.Select(m => TrafficMeasures.WriteHistogram(m.UpstreamLatency)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = measures.Select(m => TrafficMeasures.WriteHistogram(m.ProxyLatency)).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddKeys(NpgsqlCommand command, List<RollupKey> keys)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.ControlPlaneId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Bucket).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.ServiceId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.RouteId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.ConsumerId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.StatusClass).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.NodeId).ToArray() });
    }
}
