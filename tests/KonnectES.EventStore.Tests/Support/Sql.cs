using Npgsql;

namespace KonnectES.EventStore.Tests.Support;

public static class Sql
{
    public static async Task<T> ScalarAsync<T>(this IEventStore store, string sql)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> ColumnAsync<T>(this IEventStore store, string sql)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>The sequence numbers a balance projection applied, in the order it applied them (empty before its first page).</summary>
    public static async Task<List<long>> SeenAsync(this IEventStore store, string schema, string projection)
    {
        var table = $"{schema}.{projection}_seen";
        var exists = await store.ScalarAsync<bool>($"SELECT to_regclass('{table}') IS NOT NULL");
        return exists ? await store.ColumnAsync<long>($"SELECT seq FROM {table} ORDER BY n") : [];
    }

    public static async Task ExecuteAsync(this IEventStore store, string sql)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<EventEnvelope>> ToListAsync(this IAsyncEnumerable<EventEnvelope> events)
    {
        var list = new List<EventEnvelope>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }

    public static NpgsqlDataSource DataSourceOf(PostgresDatabase database) => NpgsqlDataSource.Create(database.ConnectionString);
}
