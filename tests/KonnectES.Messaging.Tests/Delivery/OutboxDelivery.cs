using KonnectES.Messaging.Tests.Support;

namespace KonnectES.Messaging.Tests.Delivery;

public sealed class OutboxDelivery(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private MessagingHost _node = null!;

    public async Task InitializeAsync() => _node = await MessagingHost.StartAsync(database.ConnectionString, MessagingHost.NewSchema());

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_message_committed_in_the_callers_transaction_is_handled_with_its_envelope_headers()
    {
        // Given an order committed with its message
        var order = new OrderPlaced(Guid.NewGuid(), "alice", 12.5m);
        var options = new MessageOptions
        {
            CorrelationId = "req-7",
            CausationId = "cmd-3",
            Headers = new Dictionary<string, string> { ["tenant"] = "shop-1" },
        };

        // When
        var ids = await _node.CommitAsync(new OutgoingMessage(order, options));

        // Then
        var handled = await _node.HandledAsync(ids[0]);
        Assert.Equal(1, handled.Attempt);
        Assert.Equal(MessageDelivery.PointToPoint, handled.Delivery);
        Assert.Equal(ToyMessages.OrderPlacedName, handled.MessageType);
        var entry = Assert.Single(_node.Ledger.Entries, e => e.MessageId == ids[0]);
        Assert.Equal(order, entry.Message);
        Assert.Equal("req-7", entry.CorrelationId);
        Assert.Equal("cmd-3", entry.CausationId);
        Assert.Equal("shop-1", entry.Headers["tenant"]);
        await _node.DrainedAsync();
        Assert.Equal(1L, await _node.ScalarAsync<long>($"SELECT count(*) FROM {{schema}}.inbox WHERE id = '{ids[0]}'"));
    }

    [Fact]
    public async Task A_rolled_back_transaction_produces_no_message()
    {
        // Given a transaction that enqueues and rolls back
        await using (var connection = await database.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await _node.Outbox.EnqueueAsync(transaction, new OrderPlaced(Guid.NewGuid(), "rolled-back", 1m));
            await transaction.RollbackAsync();
        }

        // When a later message is committed and handled
        var later = await _node.CommitAsync(new OutgoingMessage(new OrderPlaced(Guid.NewGuid(), "bob", 2m)));
        await _node.HandledAsync(later[0]);
        await _node.DrainedAsync();

        // Then the rolled-back one never reached a handler
        Assert.DoesNotContain(_node.Ledger.Entries, e => e.Message is OrderPlaced { Customer: "rolled-back" });
    }

    [Fact]
    public async Task A_follow_up_message_carries_the_correlation_id_and_the_causing_message_id()
    {
        // Given an order whose handler issues an invoice in its own transaction
        var order = new OrderPlaced(Guid.NewGuid(), "with-invoice", 30m);

        // When
        var ids = await _node.CommitAsync(new OutgoingMessage(order, new MessageOptions { CorrelationId = "req-9" }));
        await _node.HandledAsync(ids[0]);
        await _node.DrainedAsync();

        // Then
        var invoice = Assert.Single(_node.Ledger.Entries, e => e.Message is InvoiceIssued i && i.InvoiceId == order.OrderId);
        Assert.Equal("req-9", invoice.CorrelationId);
        Assert.Equal(ids[0].ToString(), invoice.CausationId);
    }

    [Fact]
    public async Task Writes_in_the_handlers_transaction_commit_only_with_the_successful_attempt()
    {
        // Given a read model table and a to-do whose handler writes, then fails its first attempt
        await using (var connection = await database.OpenConnectionAsync())
        await using (var create = new Npgsql.NpgsqlCommand("CREATE TABLE IF NOT EXISTS done_todos (todo_id uuid NOT NULL, title text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var todo = new TodoCompleted(Guid.NewGuid(), "water the plants", FailFirstAttempt: true);

        // When
        var ids = await _node.CommitAsync(new OutgoingMessage(todo));

        // Then the second attempt succeeded and only its row exists
        var handled = await _node.HandledAsync(ids[0]);
        Assert.Equal(2, handled.Attempt);
        Assert.Equal(1L, await _node.ScalarAsync<long>($"SELECT count(*) FROM done_todos WHERE todo_id = '{todo.TodoId}'"));
    }

    [Fact]
    public async Task A_batch_enqueued_in_one_transaction_is_handled_in_order_by_a_single_node()
    {
        // Given
        var orders = Enumerable.Range(1, 50).Select(i => new OrderPlaced(Guid.NewGuid(), $"batch-{i}", i)).ToList();

        // When
        var ids = await _node.CommitAsync([.. orders.Select(o => new OutgoingMessage(o))]);
        await Task.WhenAll(ids.Select(_node.HandledAsync));

        // Then
        var seen = _node.Ledger.Entries.Where(e => e.Message is OrderPlaced { Customer: var c } && c.StartsWith("batch-", StringComparison.Ordinal)).ToList();
        Assert.Equal(ids, seen.Select(e => e.MessageId));
    }

    [Fact]
    public async Task A_delayed_message_waits_in_the_outbox_until_it_is_due()
    {
        // Given
        var order = new OrderPlaced(Guid.NewGuid(), "later", 5m);

        // When
        var committedAt = DateTimeOffset.UtcNow;
        var ids = await _node.CommitAsync(new OutgoingMessage(order, new MessageOptions { Delay = TimeSpan.FromMilliseconds(600) }));
        await _node.HandledAsync(ids[0]);

        // Then
        Assert.True(DateTimeOffset.UtcNow - committedAt >= TimeSpan.FromMilliseconds(550));
    }
}
