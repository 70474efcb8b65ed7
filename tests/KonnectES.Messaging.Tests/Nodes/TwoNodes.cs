using KonnectES.Messaging.Tests.Support;

namespace KonnectES.Messaging.Tests.Nodes;

public sealed class TwoNodes(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private MessagingHost _a = null!;
    private MessagingHost _b = null!;

    public async Task InitializeAsync()
    {
        var schema = MessagingHost.NewSchema();
        _a = await MessagingHost.StartAsync(database.ConnectionString, schema, o => o.NodeName = "node-a");
        _b = await MessagingHost.StartAsync(database.ConnectionString, schema, o => o.NodeName = "node-b");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task A_broadcast_reaches_every_running_node_once_in_publication_order()
    {
        // Given price changes committed through node A in several transactions
        var ids = new List<Guid>();
        for (var version = 1; version <= 20; version += 4)
        {
            ids.AddRange(await _a.CommitAsync(
                [.. Enumerable.Range(version, 4).Select(v => new OutgoingMessage(new PriceChanged("sku-7", v), MessageOptions.Broadcast))]));
        }

        // When both nodes have handled the last one
        await _a.HandledAsync(ids[^1]);
        await _b.HandledAsync(ids[^1]);
        await Task.WhenAll(ids.Select(_a.HandledAsync).Concat(ids.Select(_b.HandledAsync)));

        // Then each node saw every version once, in order
        int[] expected = [.. Enumerable.Range(1, 20)];
        foreach (var node in new[] { _a, _b })
        {
            var versions = node.Ledger.Entries.Select(e => e.Message).OfType<PriceChanged>().Where(p => p.Sku == "sku-7").Select(p => p.Version);
            Assert.Equal(expected, versions);
        }

        Assert.NotEqual(_a.Ledger.Entries[0].Node, _b.Ledger.Entries.First(e => e.Message is PriceChanged).Node);
    }

    [Fact]
    public async Task A_point_to_point_message_is_handled_by_exactly_one_node()
    {
        // Given orders committed through both nodes concurrently
        var batches = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            (i % 2 == 0 ? _a : _b).CommitAsync([.. Enumerable.Range(0, 10).Select(j => new OutgoingMessage(new OrderPlaced(Guid.NewGuid(), $"p2p-{i}-{j}", j)))])));
        var ids = batches.SelectMany(b => b).ToHashSet();

        // When
        await _a.DrainedAsync();
        await _b.DrainedAsync();

        // Then every order was handled, and by one node only
        var handled = _a.Ledger.Entries.Concat(_b.Ledger.Entries).Where(e => ids.Contains(e.MessageId)).ToList();
        Assert.Equal(300, handled.Count);
        Assert.Equal(300, handled.Select(e => e.MessageId).Distinct().Count());
        Assert.Equal(300L, await _a.ScalarAsync<long>($"SELECT count(*) FROM {{schema}}.inbox"));
    }

    [Fact]
    public async Task Running_nodes_are_registered_and_a_stopped_node_leaves_the_registry()
    {
        // Given
        Assert.Equal(2L, await _a.ScalarAsync<long>("SELECT count(*) FROM {schema}.nodes"));

        // When
        await _b.StopAsync();

        // Then
        Assert.Equal(1L, await _a.ScalarAsync<long>("SELECT count(*) FROM {schema}.nodes"));
        Assert.Equal("node-a", await _a.ScalarAsync<string>("SELECT name FROM {schema}.nodes"));
    }
}
