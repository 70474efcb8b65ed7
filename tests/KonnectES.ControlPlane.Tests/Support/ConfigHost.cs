using KonnectES.EventStore;
using KonnectES.Projections.AuditLog;
using KonnectES.Projections.ConfigSnapshot;
using KonnectES.Projections.ControlPlanes;
using KonnectES.Projections.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.ControlPlane.Tests.Support;

/// <summary>A real generic host with the event store, the inline read models and the command handler on a test database.</summary>
public sealed class ConfigHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ConfigHost(IHost host) => _host = host;

    public ConfigCommandHandler Handler => _host.Services.GetRequiredService<ConfigCommandHandler>();

    public ConfigHistory History => _host.Services.GetRequiredService<ConfigHistory>();

    public IEventStore Store => _host.Services.GetRequiredService<IEventStore>();

    public ConfigSnapshotReader Snapshots => _host.Services.GetRequiredService<ConfigSnapshotReader>();

    public AuditLogReader AuditLog => _host.Services.GetRequiredService<AuditLogReader>();

    public EntityRecordReader Entities => _host.Services.GetRequiredService<EntityRecordReader>();

    public ControlPlaneRecordReader ControlPlanes => _host.Services.GetRequiredService<ControlPlaneRecordReader>();

    internal ConfigCheckpoints Checkpoints => _host.Services.GetRequiredService<ConfigCheckpoints>();

    public static async Task<ConfigHost> StartAsync(PostgresDatabase database, int checkpointEvery = 250)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services
            .AddEventStore(o =>
            {
                o.ConnectionString = database.ConnectionString;
                o.RegisterConfigEvents();
            })
            .AddConfigReadModels();
        builder.Services.AddConfigCommands(o => o.CheckpointEvery = checkpointEvery);
        var host = builder.Build();
        await host.StartAsync();
        return new ConfigHost(host);
    }

    /// <summary>Creates a control plane and returns its id.</summary>
    public async Task<Guid> CreateControlPlaneAsync(string name)
    {
        var id = Guid.NewGuid();
        var result = await Handler.HandleAsync(id, new CreateControlPlane(new Domain.ControlPlane { Name = name }), new CommandContext("test"));
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return id;
    }

    /// <summary>Runs a command that must succeed.</summary>
    public async Task<CommandResult> RunAsync(Guid controlPlaneId, IConfigCommand command, string actor = "alice", string? reason = null)
    {
        var result = await Handler.HandleAsync(controlPlaneId, command, new CommandContext(actor) { Reason = reason });
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
