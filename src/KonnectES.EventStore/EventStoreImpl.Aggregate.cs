using NpgsqlTypes;

namespace KonnectES.EventStore;

internal sealed partial class EventStoreImpl
{
    public async Task<AggregateResult<TState>> AggregateAsync<TState>(
        Guid streamId, IStreamAggregator<TState> aggregator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        var state = aggregator.Initial();
        long version = 0;
        long? snapshotVersion = null;
        if (aggregator.SnapshotEvery > 0)
        {
            await using var load = DataSource.CreateCommand(Sql.LoadSnapshot);
            load.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = streamId, NpgsqlDbType = NpgsqlDbType.Uuid });
            load.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = aggregator.Name, NpgsqlDbType = NpgsqlDbType.Text });
            load.Parameters.Add(new Npgsql.NpgsqlParameter<int> { TypedValue = aggregator.SchemaVersion, NpgsqlDbType = NpgsqlDbType.Integer });
            await using var reader = await load.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                version = reader.GetInt64(0);
                snapshotVersion = version;
                state = Serializer.DeserializeState<TState>(reader.GetString(1));
            }
        }

        await foreach (var @event in ReadStreamAsync(streamId, version + 1, cancellationToken))
        {
            state = aggregator.Apply(state, @event);
            version = @event.Version;
        }

        var every = aggregator.SnapshotEvery;
        if (every > 0 && version / every > (snapshotVersion ?? 0) / every)
        {
            // Best effort, after the fold: a concurrent newer snapshot wins (see the upsert's WHERE).
            await using var save = DataSource.CreateCommand(Sql.SaveSnapshot);
            save.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = streamId, NpgsqlDbType = NpgsqlDbType.Uuid });
            save.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = aggregator.Name, NpgsqlDbType = NpgsqlDbType.Text });
            save.Parameters.Add(new Npgsql.NpgsqlParameter<long> { TypedValue = version, NpgsqlDbType = NpgsqlDbType.Bigint });
            save.Parameters.Add(new Npgsql.NpgsqlParameter<int> { TypedValue = aggregator.SchemaVersion, NpgsqlDbType = NpgsqlDbType.Integer });
            save.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = Serializer.SerializeState(state), NpgsqlDbType = NpgsqlDbType.Text });
            await save.ExecuteNonQueryAsync(cancellationToken);
        }

        return new AggregateResult<TState>(state, version, snapshotVersion);
    }
}
