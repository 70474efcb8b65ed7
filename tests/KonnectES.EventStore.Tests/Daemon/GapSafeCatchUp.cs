using KonnectES.EventStore.Tests.Support;

namespace KonnectES.EventStore.Tests.Daemon;

public sealed class GapSafeCatchUp(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _schema = StoreHost.NewSchema();
    private StoreHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await StoreHost.StartAsync(database, _schema, b => b.AddProjection<AsyncBalances>(ProjectionLifecycle.Async));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_event_committed_late_with_a_lower_sequence_is_not_skipped_and_order_is_kept()
    {
        // Given a slow transaction that appended first (lower sequence) and has not committed
        var slow = Guid.NewGuid();
        var fast = Guid.NewGuid();
        await using var connection = await _host.Store.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var slowResult = await _host.Store.AppendInTransactionAsync(transaction, slow, ExpectedVersion.NoStream, [new AccountOpened(slow, "slow")]);

        // And a fast one on another connection that appended later (higher sequence) and committed
        var fastResult = await _host.Store.AppendAsync(fast, ExpectedVersion.NoStream, [new AccountOpened(fast, "fast")]);
        Assert.True(slowResult.Position.Sequence < fastResult.Position.Sequence);

        // When the daemon has made a full read pass that started after the fast commit
        var runner = _host.Runner("async_balances");
        await runner.ReadPassed.Next.WaitAsync(Timeout);
        await runner.ReadPassed.Next.WaitAsync(Timeout);

        // Then it has not applied the fast event: the slow transaction holds the readable horizon back
        Assert.Empty(await Seen());
        Assert.Equal(0, _host.Services.GetProjection<AsyncBalances>().Applied);

        // When the slow transaction commits
        await transaction.CommitAsync();
        await _host.Daemon.WaitForNonStaleAsync(fastResult.Position, Timeout);

        // Then both were applied exactly once, in global order
        Assert.Equal([slowResult.Position.Sequence, fastResult.Position.Sequence], await Seen());
    }

    [Fact]
    public async Task A_rolled_back_append_leaves_a_hole_that_does_not_stall_the_projection()
    {
        // Given a rolled-back append and a committed one after it
        var lost = Guid.NewGuid();
        await using (var connection = await _host.Store.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await _host.Store.AppendInTransactionAsync(transaction, lost, ExpectedVersion.NoStream, [new AccountOpened(lost, "lost")]);
            await transaction.RollbackAsync();
        }

        var kept = Guid.NewGuid();
        var result = await _host.Store.AppendAsync(kept, ExpectedVersion.NoStream, [new AccountOpened(kept, "kept")]);

        // When / Then the projection passes the hole without any time-based skip
        await _host.Daemon.WaitForNonStaleAsync(result.Position, Timeout);
        Assert.Contains(result.Position.Sequence, await Seen());
    }

    private Task<List<long>> Seen() => _host.Store.SeenAsync(_schema, "async_balances");
}
