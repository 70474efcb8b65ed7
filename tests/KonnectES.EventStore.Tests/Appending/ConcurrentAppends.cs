using KonnectES.EventStore.Tests.Support;

namespace KonnectES.EventStore.Tests.Appending;

public sealed class ConcurrentAppends(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly string _schema = StoreHost.NewSchema();
    private StoreHost _host = null!;

    private IEventStore Store => _host.Store;

    public async Task InitializeAsync() => _host = await StoreHost.StartAsync(database, _schema);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Of_writers_with_the_same_expected_version_exactly_one_wins_and_the_others_store_nothing()
    {
        // Given a stream at version 1
        var account = Guid.NewGuid();
        await Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "a")]);
        using var start = new ManualResetEventSlim();

        // When eight writers append three events each, all expecting version 1
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await Store.AppendAsync(
                account, ExpectedVersion.Exact(1), [new MoneyDeposited(account, i), new MoneyDeposited(account, i), new MoneyDeposited(account, i)]);
        })).ToArray();
        start.Set();
        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                return (Result: await w, Error: (ConcurrencyException?)null);
            }
            catch (ConcurrencyException conflict)
            {
                return (Result: (AppendResult?)null, Error: conflict);
            }
        }));

        // Then
        Assert.Single(outcomes, o => o.Result is not null);
        var conflicts = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToList();
        Assert.Equal(7, conflicts.Count);
        Assert.All(conflicts, c => Assert.Equal((ExpectedVersion.Exact(1), 4L), (c.Expected, c.ActualVersion)));
        var events = await Store.ReadStreamAsync(account).ToListAsync();
        Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e.Version));
        var winner = outcomes.Single(o => o.Result is not null).Result!;
        Assert.Equal(winner.Events.Select(e => e.EventId), events.Skip(1).Select(e => e.EventId));
    }

    [Fact]
    public async Task Concurrent_appends_without_a_version_check_all_succeed_with_distinct_versions()
    {
        // Given a new stream
        var account = Guid.NewGuid();

        // When eight writers append with "any", five times each, at the same time
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await Store.AppendAsync(account, ExpectedVersion.Any, [new MoneyDeposited(account, 1m), new MoneyDeposited(account, 1m)]);
            }
        })));

        // Then every event is stored, versions 1..80 without gaps
        var events = await Store.ReadStreamAsync(account).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 80).Select(v => (long)v), events.Select(e => e.Version));
    }

    [Fact]
    public async Task Sixteen_writers_appending_five_hundred_events_each_leave_gapless_streams_and_a_strictly_increasing_global_order()
    {
        // Given sixteen accounts
        var accounts = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToArray();

        // When each writer appends 500 single events with optimistic concurrency, all at once
        await Task.WhenAll(accounts.Select(account => Task.Run(async () =>
        {
            await Store.AppendAsync(account, ExpectedVersion.NoStream, [new AccountOpened(account, "w")]);
            for (var version = 1; version < 500; version++)
            {
                await Store.AppendAsync(account, ExpectedVersion.Exact(version), [new MoneyDeposited(account, 1m)]);
            }
        })));

        // Then all 8,000 are stored
        var all = new List<EventEnvelope>();
        await foreach (var e in Store.ReadAllAsync())
        {
            if (accounts.Contains(e.StreamId))
            {
                all.Add(e);
            }
        }

        Assert.Equal(8000, all.Count);

        // And each stream's versions are 1..500 without gaps, in sequence order
        foreach (var stream in all.GroupBy(e => e.StreamId))
        {
            Assert.Equal(Enumerable.Range(1, 500).Select(v => (long)v), stream.Select(e => e.Version));
            Assert.True(stream.Zip(stream.Skip(1)).All(p => p.First.Position.Sequence < p.Second.Position.Sequence));
        }

        // And the global order has no duplicates and strictly increases
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Position < p.Second.Position));
        Assert.Equal(8000, all.Select(e => e.Position.Sequence).Distinct().Count());
        Assert.Equal(8000L, await Store.ScalarAsync<long>($"SELECT count(*) FROM {_schema}.events WHERE stream_id = ANY(ARRAY['{string.Join("','", accounts)}']::uuid[])"));
    }
}
