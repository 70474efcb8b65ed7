using KonnectES.Messaging.Tests.Support;

namespace KonnectES.Messaging.Tests.Failures;

public sealed class RetriesAndDeadLetters(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private MessagingHost _node = null!;

    public async Task InitializeAsync() => _node = await MessagingHost.StartAsync(database.ConnectionString, MessagingHost.NewSchema());

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_failing_handler_is_retried_with_backoff_until_it_succeeds()
    {
        // Given an invoice whose handler fails twice
        var invoice = new InvoiceIssued(Guid.NewGuid(), FailuresBeforeSuccess: 2);

        // When
        var ids = await _node.CommitAsync(new OutgoingMessage(invoice));

        // Then
        var handled = await _node.HandledAsync(ids[0]);
        Assert.Equal(3, handled.Attempt);
        Assert.Equal([1, 2, 3], _node.Ledger.Entries.Where(e => e.MessageId == ids[0]).Select(e => e.Attempt));
    }

    [Fact]
    public async Task A_message_failing_every_attempt_is_dead_lettered_with_its_error_and_attempts()
    {
        // Given an invoice whose handler always fails (3 attempts allowed)
        var invoice = new InvoiceIssued(Guid.NewGuid(), FailuresBeforeSuccess: 99);

        // When
        var ids = await _node.CommitAsync(new OutgoingMessage(invoice));

        // Then
        var dead = await _node.Tracker.WaitForDeadLetterAsync(ids[0]).WaitAsync(MessagingHost.Patience);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal(typeof(InvalidOperationException).FullName, dead.ExceptionType);
        Assert.Contains("payment provider unavailable", dead.ExceptionMessage, StringComparison.Ordinal);
        var listed = Assert.Single(await _node.DeadLetters.ListAsync(), d => d.MessageId == ids[0]);
        Assert.Equal(3, listed.Attempts);
        Assert.Equal(MessageDelivery.PointToPoint, listed.Delivery);
        Assert.Equal(0L, await _node.ScalarAsync<long>($"SELECT count(*) FROM {{schema}}.outbox WHERE id = '{ids[0]}'"));
        Assert.Equal(0L, await _node.ScalarAsync<long>($"SELECT count(*) FROM {{schema}}.inbox WHERE id = '{ids[0]}'"));
    }

    [Fact]
    public async Task A_replayed_dead_letter_is_dispatched_again_with_fresh_attempts()
    {
        // Given an invoice dead-lettered after its 3 attempts, whose dependency then recovers
        var invoice = new InvoiceIssued(Guid.NewGuid(), FailuresBeforeSuccess: 3);
        var ids = await _node.CommitAsync(new OutgoingMessage(invoice));
        await _node.Tracker.WaitForDeadLetterAsync(ids[0]).WaitAsync(MessagingHost.Patience);

        // When
        var replayed = await _node.DeadLetters.ReplayAsync(ids[0]);

        // Then
        Assert.Equal(1, replayed);
        var handled = await _node.HandledAsync(ids[0]);
        Assert.Equal(1, handled.Attempt);
        Assert.DoesNotContain(await _node.DeadLetters.ListAsync(), d => d.MessageId == ids[0]);
    }

    [Fact]
    public async Task A_message_nobody_handles_is_dead_lettered_at_once()
    {
        // When
        var ids = await _node.CommitAsync(new OutgoingMessage(new ReminderDue(Guid.NewGuid())));

        // Then
        var dead = await _node.Tracker.WaitForDeadLetterAsync(ids[0]).WaitAsync(MessagingHost.Patience);
        Assert.Equal(1, dead.Attempts);
        Assert.Equal(typeof(UnknownMessageTypeException).FullName, dead.ExceptionType);
        Assert.Equal(1, await _node.DeadLetters.PurgeAsync(ids[0]));
    }

    [Fact]
    public async Task A_broadcast_failing_on_a_node_is_dead_lettered_for_that_node()
    {
        // Given a broadcast type whose local handler always fails
        var ids = await _node.CommitAsync(new OutgoingMessage(new InvoiceIssued(Guid.NewGuid(), 99), MessageOptions.Broadcast));

        // Then
        var dead = await _node.Tracker.WaitForDeadLetterAsync(ids[0]).WaitAsync(MessagingHost.Patience);
        Assert.Equal(MessageDelivery.Broadcast, dead.Delivery);
        Assert.Equal(3, dead.Attempts);
    }
}
