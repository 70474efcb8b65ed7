using KonnectES.EventStore;
using KonnectES.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KonnectES.Benchmarks;

/// <summary>A private cluster in a temp dir plus a host running the event store (and its daemon) against it.</summary>
internal sealed class BenchEnvironment : IAsyncDisposable
{
    private readonly PrivatePostgres _postgres;
    private readonly string _root;
    private IHost? _host;

    private BenchEnvironment(PrivatePostgres postgres, string root)
    {
        _postgres = postgres;
        _root = root;
    }

    public string ConnectionString => _postgres.ConnectionString;

    public NpgsqlDataSource Raw { get; private set; } = null!;

    public IEventStore Store => _host!.Services.GetRequiredService<IEventStore>();

    public IProjectionDaemon Daemon => _host!.Services.GetRequiredService<IProjectionDaemon>();

    public T Get<T>()
        where T : notnull => _host!.Services.GetRequiredService<T>();

    public static async Task<BenchEnvironment> StartAsync(bool durable)
    {
        var root = Directory.CreateTempSubdirectory("konnectes-bench").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // The server runs as the postgres user, which must be able to enter the folder.
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }
        var options = new PrivatePostgresOptions { DataDirectory = Path.Combine(root, "pg"), Durable = durable };
        options.Settings["shared_buffers"] = "1GB";
        options.Settings["max_wal_size"] = "8GB";
        var postgres = new PrivatePostgres(options);
        await postgres.StartAsync();
        var environment = new BenchEnvironment(postgres, root);
        var dataSource = new NpgsqlDataSourceBuilder(postgres.ConnectionString);
        dataSource.ConnectionStringBuilder.MaxAutoPrepare = 64;
        dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        dataSource.ConnectionStringBuilder.NoResetOnClose = true;
        environment.Raw = dataSource.Build();
        return environment;
    }

    /// <summary>(Re)starts the event store host with the given async projections.</summary>
    public async Task StartStoreAsync(Action<IEventStoreBuilder>? projections = null)
    {
        await StopStoreAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var store = builder.Services.AddEventStore(o =>
        {
            o.ConnectionString = _postgres.ConnectionString;
            o.Schema = BenchSchema.Store;
            o.Events.Register<Deposited>("deposited");
            o.Daemon.RebuildPageSize = 20_000;
        });
        projections?.Invoke(store);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task StopStoreAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Raw.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = Raw.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await StopStoreAsync();
        await Raw.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await _postgres.StopAsync();
        Directory.Delete(_root, recursive: true);
    }
}
