using KonnectES.EventStore.Tests.Support;

namespace KonnectES.EventStore.Tests.Daemon;

public sealed class ProjectionLeadership(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_daemons_never_run_one_projection_at_once_and_the_second_takes_over_when_the_first_stops()
    {
        // Given two hosts with their own connections running the same projection
        var schema = StoreHost.NewSchema();
        await using var one = await StoreHost.StartAsync(database, schema, b => b.AddProjection<AsyncBalances>(ProjectionLifecycle.Async));
        await using var two = await StoreHost.StartAsync(database, schema, b => b.AddProjection<AsyncBalances>(ProjectionLifecycle.Async));
        await Task.WhenAny(one.Runner("async_balances").ReadPassed.Next, two.Runner("async_balances").ReadPassed.Next).WaitAsync(Timeout);

        // When events are appended through both
        var last = default(Position);
        for (var i = 0; i < 20; i++)
        {
            var account = Guid.NewGuid();
            var store = i % 2 == 0 ? one.Store : two.Store;
            last = (await store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "x"), new MoneyDeposited(account, 1m)])).Position;
        }

        await one.Daemon.WaitForNonStaleAsync(last, Timeout);

        // Then exactly one of them runs the projection, and every event was applied exactly once
        var owners = new[] { one, two }.Where(h => h.Daemon.RunningProjections.Contains("async_balances")).ToList();
        var owner = Assert.Single(owners);
        var standby = owner == one ? two : one;
        Assert.Equal(0, standby.Services.GetProjection<AsyncBalances>().Applied);
        var seen = await one.Store.SeenAsync(schema, "async_balances");
        Assert.Equal(40, seen.Count);
        Assert.Equal(40, seen.Distinct().Count());

        // When the owner stops, the standby takes over from the checkpoint
        var takeover = standby.Runner("async_balances").ReadPassed.Next;
        await owner.StopAsync();
        await takeover.WaitAsync(Timeout);
        var account2 = Guid.NewGuid();
        var after = await standby.Store.AppendAsync(account2, ExpectedVersion.NoStream, [new AccountOpened(account2, "y")]);
        await standby.Daemon.WaitForNonStaleAsync(after.Position, Timeout);

        // Then it applied only the new event
        Assert.Equal(["async_balances"], standby.Daemon.RunningProjections);
        Assert.Equal(1, standby.Services.GetProjection<AsyncBalances>().Applied);
        Assert.Equal(41, (await standby.Store.SeenAsync(schema, "async_balances")).Distinct().Count());
    }
}
