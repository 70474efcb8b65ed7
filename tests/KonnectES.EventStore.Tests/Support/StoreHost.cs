using KonnectES.EventStore.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.EventStore.Tests.Support;

/// <summary>A real generic host running the event store (and its daemon) against a test database.</summary>
public sealed class StoreHost : IAsyncDisposable
{
    private static int _schemas;
    private readonly IHost _host;
    private bool _stopped;

    private StoreHost(IHost host) => _host = host;

    public IEventStore Store => _host.Services.GetRequiredService<IEventStore>();

    public IProjectionDaemon Daemon => _host.Services.GetRequiredService<IProjectionDaemon>();

    public IServiceProvider Services => _host.Services;

    internal ProjectionRunner Runner(string projection) => _host.Services.GetRequiredService<ProjectionDaemon>().Runner(projection);

    /// <summary>A schema name no other test of this process uses.</summary>
    public static string NewSchema() => $"es{Interlocked.Increment(ref _schemas)}";

    public static async Task<StoreHost> StartAsync(
        PostgresDatabase database, string schema, Action<IEventStoreBuilder>? projections = null, Action<EventStoreOptions>? configure = null,
        bool registerBankAccount = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var store = builder.Services.AddEventStore(o =>
        {
            o.ConnectionString = database.ConnectionString;
            o.Schema = schema;
            if (registerBankAccount)
            {
                BankAccount.Register(o.Events);
            }

            o.Daemon.PollInterval = TimeSpan.FromMilliseconds(50);
            o.Daemon.LeaseRetryInterval = TimeSpan.FromMilliseconds(50);
            o.Daemon.RetryDelay = TimeSpan.FromMilliseconds(2);
            o.Daemon.MaxRetries = 2;
            configure?.Invoke(o);
        });
        projections?.Invoke(store);
        var host = builder.Build();
        await host.StartAsync();
        return new StoreHost(host);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
