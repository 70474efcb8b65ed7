using KonnectES.EventStore.Tests.Support;

namespace KonnectES.EventStore.Tests.Reading;

public sealed class SchemaMigration(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_schema_is_created_in_its_own_configurable_schema_and_migrating_again_changes_nothing()
    {
        // Given a store started on a fresh schema name
        var schema = StoreHost.NewSchema();
        await using var host = await StoreHost.StartAsync(database, schema);

        // When it is migrated again, concurrently, from three callers
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.Store.EnsureSchemaAsync()));

        // Then its tables live in that schema and each migration step ran once
        var tables = await host.Store.ColumnAsync<string>($"SELECT tablename FROM pg_tables WHERE schemaname = '{schema}' ORDER BY 1");
        Assert.Equal(["dead_letter_events", "events", "progress", "schema_migrations", "snapshots", "streams"], tables);
        Assert.Equal(1L, await host.Store.ScalarAsync<long>($"SELECT count(*) FROM {schema}.schema_migrations"));
        Assert.Equal(0L, await host.Store.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task An_invalid_schema_name_is_rejected_at_start_up()
    {
        // When
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StoreHost.StartAsync(database, "Bad-Name; DROP"));

        // Then
        Assert.Contains("must be a lower-case identifier", error.Message, StringComparison.Ordinal);
    }
}
