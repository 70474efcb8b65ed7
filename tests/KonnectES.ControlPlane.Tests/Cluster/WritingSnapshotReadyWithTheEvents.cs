using System.Text.Json;
using KonnectES.ControlPlane.Cluster;
using KonnectES.EventStore;
using KonnectES.Projections.ConfigSnapshot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.ControlPlane.Tests.Cluster;

/// <summary>The outbox rows of the cluster, on a host whose relay does not run, so they stay where the append wrote them.</summary>
public sealed class WritingSnapshotReadyWithTheEvents(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private IHost _host = null!;

    private ConfigCommandHandler Handler => _host.Services.GetRequiredService<ConfigCommandHandler>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddEventStore(o =>
        {
            o.ConnectionString = database.ConnectionString;
            o.RegisterConfigEvents();
        }).AddConfigReadModels().AddClusterEvents();
        builder.Services.AddMessaging(o =>
        {
            o.ConnectionString = database.ConnectionString;
            o.RunRelay = false;
        }).AddClusterMessages();
        builder.Services.AddConfigCommands();
        builder.Services.AddCluster();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task Each_append_to_a_configuration_stream_writes_one_broadcast_with_the_head_it_produced()
    {
        var cp = Guid.NewGuid();
        await RunAsync(cp, new CreateControlPlane(new Domain.ControlPlane { Name = "outboxed" }));
        var import = await RunAsync(cp, new CreateService(new Service { Id = Guid.NewGuid(), Name = "svc", Host = "svc.internal" }));

        var messages = await MessagesAsync(cp);
        var head = (await _host.Services.GetRequiredService<ConfigSnapshotReader>().GetHeadAsync(cp))!.Value;

        Assert.Equal([1L, import], messages.Select(m => m.Message.Version));
        Assert.Equal(new SnapshotReady(cp, import, head.Hash.ToString(), head.SnapshotHash.ToString()), messages[^1].Message);
        Assert.All(messages, m => Assert.True(m.Broadcast));
    }

    [Fact]
    public async Task An_append_whose_transaction_rolls_back_leaves_no_message()
    {
        var cp = Guid.NewGuid();
        await RunAsync(cp, new CreateControlPlane(new Domain.ControlPlane { Name = "rolled-back" }));
        var store = _host.Services.GetRequiredService<IEventStore>();

        await using (var connection = await store.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await store.AppendInTransactionAsync(
                transaction, cp, ExpectedVersion.Exact(1),
                [new ServiceCreated(new Service { Id = Guid.NewGuid(), Name = "never", Host = "never.internal" })]);
            await transaction.RollbackAsync();
        }

        Assert.Equal([1L], (await MessagesAsync(cp)).Select(m => m.Message.Version));
    }

    private async Task<long> RunAsync(Guid cp, IConfigCommand command)
    {
        var result = await Handler.HandleAsync(cp, command, new CommandContext("test"));
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Version;
    }

    /// <summary>The SnapshotReady messages of a control plane in the outbox, in order, with their broadcast flags.</summary>
    private async Task<List<(SnapshotReady Message, bool Broadcast)>> MessagesAsync(Guid cp)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT convert_from(body, 'UTF8'), broadcast FROM kes_messaging.outbox WHERE message_type = 'cluster.snapshot-ready' ORDER BY seq", connection);
        var messages = new List<(SnapshotReady, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var message = JsonSerializer.Deserialize<SnapshotReady>(reader.GetString(0), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            if (message.ControlPlaneId == cp)
            {
                messages.Add((message, reader.GetBoolean(1)));
            }
        }

        return messages;
    }
}
