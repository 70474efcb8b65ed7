using KonnectES.EventStore.Tests.Support;

namespace KonnectES.EventStore.Tests.Daemon;

public sealed class PoisonEvents(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_poison_event_is_dead_lettered_with_its_error_and_every_projection_goes_on()
    {
        // Given two async projections, one of which cannot apply deposits of 13
        var schema = StoreHost.NewSchema();
        await using var host = await StoreHost.StartAsync(database, schema, b => b
            .AddProjection<AsyncBalances>(ProjectionLifecycle.Async)
            .AddProjection<PickyBalances>(ProjectionLifecycle.Async));
        var account = Guid.NewGuid();

        // When the poison event sits between good ones
        var result = await host.Store.AppendAsync(
            account, ExpectedVersion.NoStream, [new AccountOpened(account, "a"), new MoneyDeposited(account, 1m), new MoneyDeposited(account, 13m), new MoneyDeposited(account, 2m)]);
        await host.Daemon.WaitForNonStaleAsync(result.Position, Timeout);

        // Then the picky projection recorded it and applied the others
        Assert.Equal(3m, await host.Store.ScalarAsync<decimal>($"SELECT balance FROM {schema}.picky_balances"));
        var deadLetter = await host.Store.ColumnAsync<string>(
            $"SELECT concat_ws('|', projection, version, type, error) FROM {schema}.dead_letter_events");
        var row = Assert.Single(deadLetter);
        Assert.StartsWith("picky_balances|3|money_deposited|", row, StringComparison.Ordinal);
        Assert.Contains("Unlucky amount 13.", row, StringComparison.Ordinal);

        // And the other projection applied everything
        Assert.Equal(16m, await host.Store.ScalarAsync<decimal>($"SELECT balance FROM {schema}.async_balances"));

        // And the picky one keeps going with later events
        var later = await host.Store.AppendAsync(account, ExpectedVersion.Exact(4), [new MoneyDeposited(account, 4m)]);
        await host.Daemon.WaitForNonStaleAsync(later.Position, Timeout);
        Assert.Equal(7m, await host.Store.ScalarAsync<decimal>($"SELECT balance FROM {schema}.picky_balances"));
    }

    [Fact]
    public async Task An_event_of_an_unknown_type_is_dead_lettered_with_an_error_that_names_the_type()
    {
        // Given an event whose stored type no registration knows, followed by a known one
        var schema = StoreHost.NewSchema();
        var account = Guid.NewGuid();
        Position last;
        await using (var writer = await StoreHost.StartAsync(database, schema))
        {
            await writer.Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "a")]);
            await writer.Store.ExecuteAsync($"UPDATE {schema}.events SET type = 'account_audited' WHERE stream_id = '{account}'");
            last = (await writer.Store.AppendAsync(account, ExpectedVersion.Exact(1), [new MoneyDeposited(account, 1m)])).Position;
        }

        // When a daemon runs the projection over them
        await using var host = await StoreHost.StartAsync(database, schema, b => b.AddProjection<AsyncBalances>(ProjectionLifecycle.Async));
        await host.Daemon.WaitForNonStaleAsync(last, Timeout);

        // Then
        var error = await host.Store.ScalarAsync<string>($"SELECT error FROM {schema}.dead_letter_events WHERE type = 'account_audited'");
        Assert.Contains("Unknown event type 'account_audited'", error, StringComparison.Ordinal);
        Assert.Equal([last.Sequence], await host.Store.SeenAsync(schema, "async_balances"));
    }
}
