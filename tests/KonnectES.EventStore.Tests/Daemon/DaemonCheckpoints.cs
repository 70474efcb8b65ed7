using KonnectES.EventStore.Tests.Support;

namespace KonnectES.EventStore.Tests.Daemon;

public sealed class DaemonCheckpoints(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_restarted_daemon_continues_from_its_checkpoint()
    {
        // Given a daemon that applied ten events and stopped
        var schema = StoreHost.NewSchema();
        var account = Guid.NewGuid();
        await using (var first = await StoreHost.StartAsync(database, schema, b => b.AddProjection<AsyncBalances>(ProjectionLifecycle.Async)))
        {
            var result = await first.Store.AppendAsync(
                account, ExpectedVersion.NoStream, [new AccountOpened(account, "a"), .. Enumerable.Range(0, 9).Select(_ => new MoneyDeposited(account, 1m))]);
            await first.Daemon.WaitForNonStaleAsync(result.Position, Timeout);
            Assert.Equal(10, first.Services.GetProjection<AsyncBalances>().Applied);
        }

        // And five more events appended while no daemon ran
        Position last;
        await using (var writer = await StoreHost.StartAsync(database, schema))
        {
            last = (await writer.Store.AppendAsync(account, ExpectedVersion.Exact(10), [.. Enumerable.Range(0, 5).Select(_ => new MoneyDeposited(account, 2m))])).Position;
        }

        // When a new daemon starts
        await using var second = await StoreHost.StartAsync(database, schema, b => b.AddProjection<AsyncBalances>(ProjectionLifecycle.Async));
        await second.Daemon.WaitForNonStaleAsync(last, Timeout);

        // Then it applied only the five new events, and the read model holds all fifteen
        Assert.Equal(5, second.Services.GetProjection<AsyncBalances>().Applied);
        Assert.Equal(19m, await second.Store.ScalarAsync<decimal>($"SELECT balance FROM {schema}.async_balances WHERE account_id = '{account}'"));
        Assert.Equal(15, (await second.Store.SeenAsync(schema, "async_balances")).Distinct().Count());
    }

    [Fact]
    public async Task Waiting_for_a_position_that_is_never_reached_times_out_naming_the_projection()
    {
        // Given
        await using var host = await StoreHost.StartAsync(database, StoreHost.NewSchema(), b => b.AddProjection<AsyncBalances>(ProjectionLifecycle.Async));

        // When
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => host.Daemon.WaitForNonStaleAsync(new Position(ulong.MaxValue, long.MaxValue), TimeSpan.FromMilliseconds(200)));

        // Then
        Assert.Contains("async_balances", error.Message, StringComparison.Ordinal);
    }
}
