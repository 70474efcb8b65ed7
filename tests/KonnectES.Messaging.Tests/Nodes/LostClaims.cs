using KonnectES.Messaging.Tests.Support;

namespace KonnectES.Messaging.Tests.Nodes;

public sealed class LostClaims(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private MessagingHost _node = null!;

    public async Task InitializeAsync()
    {
        _node = await MessagingHost.StartAsync(database.ConnectionString, MessagingHost.NewSchema());
        await using var connection = await database.OpenConnectionAsync();
        await using var create = new Npgsql.NpgsqlCommand("CREATE TABLE IF NOT EXISTS captured_payments (payment_id uuid NOT NULL)", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_node_whose_claim_was_taken_away_while_handling_commits_none_of_that_work()
    {
        // Given a payment whose handler has written its row and stalls on the first attempt
        var payment = new PaymentCaptured(Guid.NewGuid());
        var ids = await _node.CommitAsync(new OutgoingMessage(payment));
        await _node.PaymentGate.Entered.Task.WaitAsync(MessagingHost.Patience);

        // When the node is declared dead meanwhile (its claims released), and then the handler finishes
        var released = await _node.ScalarAsync<long>(
            $"WITH r AS (UPDATE {{schema}}.outbox SET owner_node = 0, claim_id = NULL, claimed_until = NULL WHERE id = '{ids[0]}' RETURNING 1) SELECT count(*) FROM r");
        _node.PaymentGate.Released.TrySetResult();

        // Then the stale attempt rolled back and the message was dispatched again, once
        Assert.Equal(1L, released);
        var handled = await _node.HandledAsync(ids[0]);
        Assert.Equal(2, handled.Attempt);
        Assert.Equal([1, 2], _node.Ledger.Entries.Where(e => e.MessageId == ids[0]).Select(e => e.Attempt));
        Assert.Equal(1L, await _node.ScalarAsync<long>($"SELECT count(*) FROM captured_payments WHERE payment_id = '{payment.PaymentId}'"));
        await _node.DrainedAsync();
    }
}
