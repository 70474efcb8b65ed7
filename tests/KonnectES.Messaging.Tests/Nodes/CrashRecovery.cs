using System.Diagnostics;
using System.Globalization;
using KonnectES.Messaging.Tests.Support;

namespace KonnectES.Messaging.Tests.Nodes;

public sealed class CrashRecovery(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int KilledBySigkill = 137;

    [Fact]
    public async Task A_message_committed_by_a_process_killed_before_dispatch_is_delivered_after_restart()
    {
        // Given a process that commits an order's message and is killed before any relay runs
        var schema = MessagingHost.NewSchema();
        var orderId = Guid.NewGuid();
        var (exitCode, output) = await ChildProcess.RunTestHostAsync("enqueue-then-die", database.ConnectionString, schema, orderId.ToString());
        Assert.Equal(KilledBySigkill, exitCode);
        var messageId = Guid.Parse(output.Split("committed ")[1][..36]);
        await using var probe = await MessagingHost.StartAsync(database.ConnectionString, schema, o => o.RunRelay = false);
        Assert.Equal(1L, await probe.ScalarAsync<long>($"SELECT count(*) FROM {schema}.outbox WHERE id = '{messageId}' AND owner_node = 0"));

        // When the application starts again
        await using var restarted = await MessagingHost.StartAsync(database.ConnectionString, schema);

        // Then the message is delivered
        var handled = await restarted.HandledAsync(messageId);
        Assert.Equal(1, handled.Attempt);
        Assert.Equal(orderId, Assert.IsType<OrderPlaced>(Assert.Single(restarted.Ledger.Entries).Message).OrderId);
    }

    [Fact]
    public async Task A_dead_nodes_claimed_message_is_redispatched_by_another_node_after_its_lease()
    {
        // Given a committed order claimed by a node that dies while handling it (lease 2 s)
        var schema = MessagingHost.NewSchema();
        await using var sender = await MessagingHost.StartAsync(database.ConnectionString, schema, o => o.RunRelay = false);
        var ids = await sender.CommitAsync(new OutgoingMessage(new OrderPlaced(Guid.NewGuid(), "orphan", 9m)));
        var (exitCode, output) = await ChildProcess.RunTestHostAsync(
            "claim-then-die", database.ConnectionString, schema, 2.ToString(CultureInfo.InvariantCulture));
        var died = Stopwatch.StartNew();
        Assert.Equal(KilledBySigkill, exitCode);
        Assert.Contains($"claimed {ids[0]}", output, StringComparison.Ordinal);
        Assert.Equal(1L, await sender.ScalarAsync<long>($"SELECT count(*) FROM {schema}.outbox WHERE owner_node <> 0 AND attempts = 1"));

        // When another node runs
        await using var survivor = await MessagingHost.StartAsync(database.ConnectionString, schema);

        // Then it dispatches the message once the dead node's lease has expired
        var handled = await survivor.HandledAsync(ids[0]);
        Assert.Equal(2, handled.Attempt);
        Assert.True(died.Elapsed < TimeSpan.FromSeconds(15), $"recovered after {died.Elapsed}");
        await survivor.DrainedAsync();
    }
}
