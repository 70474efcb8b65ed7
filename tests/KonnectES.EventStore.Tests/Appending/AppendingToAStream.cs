using KonnectES.EventStore.Tests.Support;

namespace KonnectES.EventStore.Tests.Appending;

public sealed class AppendingToAStream(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private StoreHost _host = null!;

    private IEventStore Store => _host.Store;

    public async Task InitializeAsync() => _host = await StoreHost.StartAsync(database, StoreHost.NewSchema());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Appended_events_are_read_back_in_order_with_versions_positions_and_metadata()
    {
        // Given
        var account = Guid.NewGuid();
        var metadata = new EventMetadata
        {
            Actor = "alice",
            CorrelationId = "req-1",
            CausationId = "cmd-1",
            TenantId = "bank-1",
            Headers = new Dictionary<string, string> { ["ip"] = "10.0.0.1" },
        };

        // When
        var result = await Store.AppendAsync(
            account, ExpectedVersion.NoStream, [new AccountOpened(account, "alice"), new MoneyDeposited(account, 10m)], metadata);

        // Then
        Assert.Equal(2, result.Version);
        var events = await Store.ReadStreamAsync(account).ToListAsync();
        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        Assert.Equal(new AccountOpened(account, "alice"), events[0].Data);
        Assert.Equal(new MoneyDeposited(account, 10m), events[1].Data);
        Assert.Equal(["account_opened", "money_deposited"], events.Select(e => e.EventType));
        Assert.True(events[0].Position < events[1].Position);
        Assert.Equal(result.Position, events[1].Position);
        Assert.All(events, e => Assert.Equal(7, e.EventId.Version));
        Assert.Equal("alice", events[1].Metadata.Actor);
        Assert.Equal("req-1", events[1].Metadata.CorrelationId);
        Assert.Equal("cmd-1", events[1].Metadata.CausationId);
        Assert.Equal("bank-1", events[1].Metadata.TenantId);
        Assert.Equal("10.0.0.1", events[1].Metadata.Headers!["ip"]);
        Assert.Equal(result.Events[0].EventId, events[0].EventId);
    }

    [Fact]
    public async Task Reading_from_a_version_skips_the_earlier_events()
    {
        // Given
        var account = Guid.NewGuid();
        await Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "a"), new MoneyDeposited(account, 1m), new MoneyDeposited(account, 2m)]);

        // When
        var events = await Store.ReadStreamAsync(account, fromVersion: 2).ToListAsync();

        // Then
        Assert.Equal([2L, 3L], events.Select(e => e.Version));
    }

    [Fact]
    public async Task A_stale_exact_version_is_rejected_with_expected_and_actual_versions_and_nothing_is_written()
    {
        // Given a stream at version 2
        var account = Guid.NewGuid();
        await Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "a"), new MoneyDeposited(account, 1m)]);
        var seqBefore = await Store.ScalarAsync<long>($"SELECT coalesce(max(seq), 0) FROM {SchemaOf()}.events");

        // When a writer still believes it is at version 1
        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(
            () => Store.AppendAsync(account, ExpectedVersion.Exact(1), [new MoneyDeposited(account, 5m), new MoneyDeposited(account, 6m)]));

        // Then
        Assert.Equal(account, conflict.StreamId);
        Assert.Equal(ExpectedVersion.Exact(1), conflict.Expected);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(2, await Store.GetStreamVersionAsync(account));
        Assert.Equal(2, (await Store.ReadStreamAsync(account).ToListAsync()).Count);

        // And the loser drew no sequence number: the next append follows directly
        var next = await Store.AppendAsync(account, ExpectedVersion.Exact(2), [new MoneyDeposited(account, 1m)]);
        Assert.Equal(seqBefore + 1, next.Position.Sequence);
    }

    [Fact]
    public async Task Starting_a_stream_that_exists_is_rejected()
    {
        // Given
        var account = Guid.NewGuid();
        await Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "a")]);

        // When
        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(
            () => Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "b")]));

        // Then
        Assert.Equal(ExpectedVersion.NoStream, conflict.Expected);
        Assert.Equal(1, conflict.ActualVersion);
    }

    [Fact]
    public async Task Stream_exists_requires_the_stream_and_any_accepts_everything()
    {
        // Given
        var account = Guid.NewGuid();

        // When / Then: "stream exists" fails on a missing stream
        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(
            () => Store.AppendAsync(account, ExpectedVersion.StreamExists, [new MoneyDeposited(account, 1m)]));
        Assert.Equal(0, conflict.ActualVersion);

        // And "any" creates it, then appends after whatever is there
        var first = await Store.AppendAsync(account, ExpectedVersion.Any, [new AccountOpened(account, "a")]);
        var second = await Store.AppendAsync(account, ExpectedVersion.Any, [new MoneyDeposited(account, 1m), new MoneyDeposited(account, 2m)]);
        var third = await Store.AppendAsync(account, ExpectedVersion.StreamExists, [new MoneyDeposited(account, 3m)]);
        Assert.Equal([1L, 3L, 4L], new[] { first.Version, second.Version, third.Version });
    }

    [Fact]
    public async Task A_multi_stream_append_stores_nothing_when_one_stream_conflicts()
    {
        // Given an existing stream
        var existing = Guid.NewGuid();
        var fresh = Guid.NewGuid();
        await Store.AppendAsync(existing, ExpectedVersion.NoStream, [new AccountOpened(existing, "a")]);

        // When one append in the batch is stale
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(
        [
            new StreamAppend(fresh, ExpectedVersion.NoStream, [new AccountOpened(fresh, "b")]),
            new StreamAppend(existing, ExpectedVersion.NoStream, [new AccountOpened(existing, "c")]),
        ]));

        // Then the fresh stream was not created either
        Assert.Equal(0, await Store.GetStreamVersionAsync(fresh));
        Assert.Equal(1, await Store.GetStreamVersionAsync(existing));
    }

    [Fact]
    public async Task An_unregistered_event_type_cannot_be_appended()
    {
        // When
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Store.AppendAsync(Guid.NewGuid(), ExpectedVersion.Any, [new Unregistered(1)]));

        // Then
        Assert.Contains(nameof(Unregistered), error.Message, StringComparison.Ordinal);
    }

    private string SchemaOf() => ((Microsoft.Extensions.Options.IOptions<EventStoreOptions>)_host.Services
        .GetService(typeof(Microsoft.Extensions.Options.IOptions<EventStoreOptions>))!).Value.Schema;

    private sealed record Unregistered(int Value);
}
