using System.Collections.Immutable;
using KonnectES.EventStore;
using KonnectES.Projections.AuditLog;
using KonnectES.Projections.ConfigSnapshot;
using KonnectES.Projections.ControlPlanes;
using KonnectES.Projections.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.Projections.Tests.Support;

/// <summary>A real generic host with the event store and the inline read models on a test database.</summary>
public sealed class ReadModelHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ReadModelHost(IHost host) => _host = host;

    public IEventStore Store => _host.Services.GetRequiredService<IEventStore>();

    public ConfigSnapshotReader Snapshots => _host.Services.GetRequiredService<ConfigSnapshotReader>();

    public AuditLogReader AuditLog => _host.Services.GetRequiredService<AuditLogReader>();

    public EntityRecordReader Entities => _host.Services.GetRequiredService<EntityRecordReader>();

    public ControlPlaneRecordReader ControlPlanes => _host.Services.GetRequiredService<ControlPlaneRecordReader>();

    /// <summary>A service of the host (a reader of the read models it runs).</summary>
    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Starts the host; <paramref name="readModels"/> adds read models beyond the configuration's.</summary>
    public static async Task<ReadModelHost> StartAsync(PostgresDatabase database, Func<IEventStoreBuilder, IEventStoreBuilder>? readModels = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var store = builder.Services.AddEventStore(o =>
        {
            o.ConnectionString = database.ConnectionString;
            o.RegisterConfigEvents();
        }).AddConfigReadModels();
        readModels?.Invoke(store);
        var host = builder.Build();
        await host.StartAsync();
        return new ReadModelHost(host);
    }

    /// <summary>A new control plane's stream, written through the domain's Decide and the store.</summary>
    public async Task<ConfigStream> CreateControlPlaneAsync(string name, IReadOnlyDictionary<string, string>? labels = null)
    {
        var stream = new ConfigStream(Store, Guid.NewGuid());
        await stream.RunAsync(new CreateControlPlane(new ControlPlane
        {
            Name = name,
            Labels = (labels ?? new Dictionary<string, string>()).ToImmutableSortedDictionary(),
        }));
        return stream;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
