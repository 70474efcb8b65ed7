using KonnectES.EventStore;
using NpgsqlTypes;

namespace KonnectES.Benchmarks;

/// <summary>
/// Per-stream event count and total amount: folds each page in memory and writes one upsert per page
/// (one row per stream touched), the shape the design reference recommends for rebuild speed.
/// </summary>
internal sealed class StreamTotalsProjection : IProjection
{
    public const string Table = $"{BenchSchema.Store}.stream_totals";

    public string Name => "stream_totals";

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<Guid, (int Count, decimal Amount)>();
        foreach (var e in events)
        {
            if (e.Data is Deposited deposited)
            {
                totals.TryGetValue(e.StreamId, out var current);
                totals[e.StreamId] = (current.Count + 1, current.Amount + deposited.Amount);
            }
        }

        if (totals.Count == 0)
        {
            return;
        }

        var command = context.AddCommand(
            $"INSERT INTO {Table} (stream_id, events, amount) SELECT * FROM unnest($1::uuid[], $2::int[], $3::numeric[]) " +
            "ON CONFLICT (stream_id) DO UPDATE SET events = stream_totals.events + excluded.events, amount = stream_totals.amount + excluded.amount");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<Guid[]> { TypedValue = [.. totals.Keys], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<int[]> { TypedValue = [.. totals.Values.Select(v => v.Count)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<decimal[]> { TypedValue = [.. totals.Values.Select(v => v.Amount)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
        await Task.CompletedTask;
    }

    public Task ResetAsync(ProjectionContext context, CancellationToken cancellationToken)
    {
        context.AddCommand($"CREATE TABLE IF NOT EXISTS {Table} (stream_id uuid PRIMARY KEY, events int NOT NULL, amount numeric NOT NULL)");
        context.AddCommand($"TRUNCATE {Table}");
        return Task.CompletedTask;
    }
}
