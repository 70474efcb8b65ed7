using KonnectES.EventStore.Tests.Support;

namespace KonnectES.EventStore.Tests.Daemon;

public sealed class RebuildingAProjection(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_rebuild_reproduces_the_incremental_read_model_and_reports_progress()
    {
        // Given a read model built incrementally from 40 accounts' events (small rebuild pages to see several steps)
        var schema = StoreHost.NewSchema();
        await using var host = await StoreHost.StartAsync(
            database, schema, b => b.AddProjection<AsyncBalances>(ProjectionLifecycle.Async), o => o.Daemon.RebuildPageSize = 100);
        Position last = default;
        for (var i = 0; i < 40; i++)
        {
            var account = Guid.NewGuid();
            last = (await host.Store.AppendAsync(
                account, ExpectedVersion.NoStream, [new AccountOpened(account, $"owner{i}"), new MoneyDeposited(account, i), new MoneyWithdrawn(account, 1m)])).Position;
        }

        await host.Daemon.WaitForNonStaleAsync(last, Timeout);
        var incremental = await ReadModelAsync(host.Store, schema);
        var total = await host.Store.ScalarAsync<long>($"SELECT count(*) FROM {schema}.events");

        // When it is rebuilt
        var reports = new List<RebuildProgress>();
        await host.Daemon.RebuildAsync("async_balances", new SynchronousProgress(reports));

        // Then the read model is the same, every event was replayed once more, and progress went up to the total
        Assert.Equal(incremental, await ReadModelAsync(host.Store, schema));
        Assert.Equal(total, (await host.Store.SeenAsync(schema, "async_balances")).Count);
        Assert.Equal(new RebuildProgress("async_balances", total, total), reports[^1]);
        Assert.True(reports.Count >= 3, $"{reports.Count} progress reports");
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Processed <= p.Second.Processed));

        // And the projection continues live afterwards
        var late = Guid.NewGuid();
        var after = await host.Store.AppendAsync(late, ExpectedVersion.NoStream, [new AccountOpened(late, "late")]);
        await host.Daemon.WaitForNonStaleAsync(after.Position, Timeout);
        Assert.Equal(41, (await ReadModelAsync(host.Store, schema)).Count);
    }

    private static async Task<List<string>> ReadModelAsync(IEventStore store, string schema) =>
        await store.ColumnAsync<string>($"SELECT concat_ws('|', account_id, owner, balance, events, last_version) FROM {schema}.async_balances ORDER BY account_id");

    private sealed class SynchronousProgress(List<RebuildProgress> reports) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => reports.Add(value);
    }
}
