using KonnectES.EventStore.Tests.Support;

namespace KonnectES.EventStore.Tests.Reading;

public sealed class AggregatingAStream(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly string _schema = StoreHost.NewSchema();
    private StoreHost _host = null!;

    private IEventStore Store => _host.Store;

    public async Task InitializeAsync() => _host = await StoreHost.StartAsync(database, _schema);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_stream_folds_into_its_current_state_and_version()
    {
        // Given
        var account = Guid.NewGuid();
        await Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "alice"), new MoneyDeposited(account, 100m), new MoneyWithdrawn(account, 30m)]);

        // When
        var result = await Store.AggregateAsync(account, new AccountAggregator());

        // Then
        Assert.Equal(new AccountState("alice", 70m, 2), result.State);
        Assert.Equal(3, result.Version);
        Assert.Null(result.SnapshotVersion);
    }

    [Fact]
    public async Task A_missing_stream_folds_into_the_initial_state_at_version_zero()
    {
        // When
        var result = await Store.AggregateAsync(Guid.NewGuid(), new AccountAggregator());

        // Then
        Assert.Equal(0, result.Version);
        Assert.Equal(new AccountState(string.Empty, 0m, 0), result.State);
    }

    [Fact]
    public async Task With_snapshots_every_ten_events_a_later_fold_starts_from_the_snapshot()
    {
        // Given 25 events and a fold that stored a snapshot at version 25
        var account = Guid.NewGuid();
        await Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "bob"), .. Enumerable.Range(0, 24).Select(_ => new MoneyDeposited(account, 1m))]);
        var first = await Store.AggregateAsync(account, new AccountAggregator(snapshotEvery: 10));
        Assert.Null(first.SnapshotVersion);

        // When two more events arrive and the stream is folded again
        await Store.AppendAsync(account, ExpectedVersion.Exact(25), [new MoneyDeposited(account, 1m), new MoneyWithdrawn(account, 5m)]);
        var aggregator = new AccountAggregator(snapshotEvery: 10);
        var second = await aggregator.FoldWith(Store, account);

        // Then only the two new events were applied, and the state matches a full fold
        Assert.Equal(25, second.SnapshotVersion);
        Assert.Equal(2, aggregator.Applied);
        Assert.Equal((await Store.AggregateAsync(account, new AccountAggregator())).State, second.State);
        Assert.Equal(new AccountState("bob", 20m, 26), second.State);
        Assert.Equal(27, second.Version);
    }

    [Fact]
    public async Task A_snapshot_of_an_older_schema_version_is_ignored_and_rewritten()
    {
        // Given a snapshot written by schema version 1
        var account = Guid.NewGuid();
        await Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "c"), .. Enumerable.Range(0, 9).Select(_ => new MoneyDeposited(account, 2m))]);
        await Store.AggregateAsync(account, new AccountAggregator(snapshotEvery: 5, schemaVersion: 1));

        // When the aggregator's schema version changes
        var aggregator = new AccountAggregator(snapshotEvery: 5, schemaVersion: 2);
        var result = await aggregator.FoldWith(Store, account);

        // Then it folded from the first event and stored its own snapshot
        Assert.Null(result.SnapshotVersion);
        Assert.Equal(10, aggregator.Applied);
        Assert.Equal(2, await Store.ScalarAsync<int>($"SELECT schema_version FROM {_schema}.snapshots WHERE stream_id = '{account}'"));
    }
}
