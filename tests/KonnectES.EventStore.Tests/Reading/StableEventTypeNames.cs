using KonnectES.EventStore.Tests.Support;

namespace KonnectES.EventStore.Tests.Reading;

public sealed class StableEventTypeNames(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Events_are_stored_under_their_registered_name_and_read_through_a_renamed_clr_type()
    {
        // Given events written with one CLR type
        var schema = StoreHost.NewSchema();
        var account = Guid.NewGuid();
        await using (var writer = await StoreHost.StartAsync(database, schema))
        {
            await writer.Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "alice")]);
            Assert.Equal("account_opened", await writer.Store.ScalarAsync<string>($"SELECT type FROM {schema}.events"));
            Assert.Equal("alice", await writer.Store.ScalarAsync<string>($"SELECT data->>'owner' FROM {schema}.events"));
        }

        // When a later version of the code renamed the CLR type but kept its registered name
        await using var renamed = await StartWithAsync(database, schema, types => types.Register<AccountCreatedRenamed>("account_opened"));
        var events = await renamed.Store.ReadStreamAsync(account).ToListAsync();

        // Then the stored event is read as the renamed type
        Assert.Equal(new AccountCreatedRenamed(account, "alice"), events.Single().Data);
    }

    [Fact]
    public async Task An_upcaster_turns_an_old_event_version_into_the_current_one_on_read()
    {
        // Given an event stored by an older version as money_deposited.v1 with the amount in cents
        var schema = StoreHost.NewSchema();
        var account = Guid.NewGuid();
        await using (var writer = await StartWithAsync(database, schema, types => types.Register<DepositV1>("money_deposited.v1")))
        {
            await writer.Store.AppendAsync(account, ExpectedVersion.NoStream, [new DepositV1(account, 1250)]);
        }

        // When the current code reads it with an upcaster
        await using var reader = await StoreHost.StartAsync(database, schema, configure: o => o.Events.Upcast(
            "money_deposited.v1",
            json => new MoneyDeposited(json.GetProperty("account").GetGuid(), json.GetProperty("cents").GetInt32() / 100m)));
        var events = await reader.Store.ReadStreamAsync(account).ToListAsync();

        // Then
        Assert.Equal(new MoneyDeposited(account, 12.50m), events.Single().Data);
        Assert.Equal("money_deposited", events.Single().EventType);
    }

    [Fact]
    public async Task An_unknown_stored_event_type_gives_an_error_that_names_it()
    {
        // Given an event whose type no registration knows
        var schema = StoreHost.NewSchema();
        var account = Guid.NewGuid();
        await using var host = await StoreHost.StartAsync(database, schema);
        await host.Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "a")]);
        await host.Store.ExecuteAsync($"UPDATE {schema}.events SET type = 'account_frozen' WHERE stream_id = '{account}'");

        // When
        var error = await Assert.ThrowsAsync<UnknownEventTypeException>(() => host.Store.ReadStreamAsync(account).ToListAsync());

        // Then
        Assert.Equal("account_frozen", error.EventType);
        Assert.Contains("'account_frozen'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_cannot_be_registered_for_two_types()
    {
        // Given
        var types = new EventTypes().Register<AccountOpened>("account_opened");

        // When
        var error = Assert.Throws<ArgumentException>(() => types.Register<MoneyDeposited>("account_opened"));

        // Then
        Assert.Contains("already registered", error.Message, StringComparison.Ordinal);
    }

    private static Task<StoreHost> StartWithAsync(PostgresDatabase database, string schema, Action<EventTypes> register) =>
        StoreHost.StartAsync(database, schema, configure: o => register(o.Events), registerBankAccount: false);

    private sealed record AccountCreatedRenamed(Guid AccountId, string Owner);

    private sealed record DepositV1(Guid Account, int Cents);
}
