using KonnectES.Messaging.Tests.Support;

namespace KonnectES.Messaging.Tests.Delivery;

public sealed class Idempotency(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private MessagingHost _node = null!;

    public async Task InitializeAsync() => _node = await MessagingHost.StartAsync(database.ConnectionString, MessagingHost.NewSchema());

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Messages_sharing_an_id_are_handled_once()
    {
        // Given one message id sent twice in one transaction and once more later
        var id = Guid.NewGuid();
        var options = new MessageOptions { MessageId = id };
        var order = new OrderPlaced(Guid.NewGuid(), "carol", 3m);
        await _node.CommitAsync(new OutgoingMessage(order, options), new OutgoingMessage(order, options));
        await _node.HandledAsync(id);

        // When the producer retries after an unknown commit outcome
        await _node.CommitAsync(new OutgoingMessage(order, options));
        await _node.DrainedAsync();

        // Then
        Assert.Single(_node.Ledger.Entries, e => e.MessageId == id);
        Assert.Equal(1L, await _node.ScalarAsync<long>($"SELECT count(*) FROM {{schema}}.inbox WHERE id = '{id}'"));
    }

    [Fact]
    public async Task A_broadcast_sent_twice_with_one_id_is_published_once()
    {
        // Given
        var id = Guid.NewGuid();
        var options = MessageOptions.Broadcast with { MessageId = id };

        // When
        await _node.CommitAsync(new OutgoingMessage(new PriceChanged("sku-1", 1), options));
        await _node.CommitAsync(new OutgoingMessage(new PriceChanged("sku-1", 1), options));
        await _node.HandledAsync(id);
        await _node.DrainedAsync();

        // Then
        Assert.Equal(1L, await _node.ScalarAsync<long>($"SELECT count(*) FROM {{schema}}.broadcasts WHERE id = '{id}'"));
        Assert.Single(_node.Ledger.Entries, e => e.MessageId == id);
    }
}
