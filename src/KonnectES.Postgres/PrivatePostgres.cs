using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KonnectES.Postgres;

/// <summary>
/// A PostgreSQL cluster owned by this application: initialised with <c>initdb</c> in a data directory on
/// first use, started with <c>pg_ctl</c> on 127.0.0.1 and a free port, reused on later starts, stopped cleanly.
/// The superuser is <c>postgres</c> with trust authentication, so the cluster only listens on loopback.
/// </summary>
public sealed partial class PrivatePostgres : IAsyncDisposable
{
    private const string LogFileName = "server.log";
    private readonly PrivatePostgresOptions _options;
    private readonly ILogger _logger;
    private readonly string _dataDirectory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgresBinaries? _binaries;
    private int _port;

    /// <summary>Creates the component; nothing happens until <see cref="StartAsync"/>.</summary>
    public PrivatePostgres(PrivatePostgresOptions options, ILogger<PrivatePostgres>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _dataDirectory = Path.GetFullPath(options.DataDirectory);
    }

    /// <summary>The absolute data directory.</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>The port the server listens on; 0 before <see cref="StartAsync"/>.</summary>
    public int Port => _port;

    /// <summary>True after a successful <see cref="StartAsync"/> and before <see cref="StopAsync"/>.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>An Npgsql connection string to the <c>postgres</c> database of this cluster.</summary>
    public string ConnectionString => _port == 0
        ? throw new InvalidOperationException("The private PostgreSQL cluster is not started.")
        : ConnectionStringFor("postgres");

    /// <summary>An Npgsql connection string to another database of this cluster.</summary>
    public string ConnectionStringFor(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return $"Host=127.0.0.1;Port={_port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";
    }

    /// <summary>
    /// Initialises the data directory if it is empty, then starts the server, or adopts the server that
    /// already runs from this data directory (left by an earlier process).
    /// </summary>
    /// <exception cref="PostgresNotFoundException">No PostgreSQL binaries are installed.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (IsRunning)
            {
                return;
            }

            _binaries ??= PostgresBinaries.Locate();
            if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
            {
                await InitialiseAsync(_binaries, cancellationToken);
            }

            var runningPort = await RunningPortAsync(cancellationToken);
            if (runningPort is { } port)
            {
                _port = port;
                IsRunning = true;
                PrivatePostgresLog.Adopted(_logger, _dataDirectory, port);
                return;
            }

            await StartServerAsync(_binaries, cancellationToken);
            IsRunning = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server with a fast shutdown (open sessions are disconnected, no data is lost).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!IsRunning && !File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            {
                return;
            }

            _binaries ??= PostgresBinaries.Locate();
            var timeout = ((int)_options.Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            var result = await CommandRunner.RunAsync(
                _binaries.PgCtl, ["stop", "-D", _dataDirectory, "-m", "fast", "-w", "-t", timeout], asServiceUser: true, _dataDirectory, cancellationToken);
            IsRunning = false;
            if (result.ExitCode != 0 && File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            {
                throw new InvalidOperationException($"pg_ctl stop failed for {_dataDirectory}: {result.Output}");
            }

            PrivatePostgresLog.Stopped(_logger, _dataDirectory);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server if it runs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            await StopAsync(CancellationToken.None);
        }

        _gate.Dispose();
    }

    /// <summary>
    /// The port of a live server that runs from <paramref name="dataDirectory"/> (per its <c>postmaster.pid</c>), or null.
    /// </summary>
    public static int? FindRunningServerPort(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // postmaster.pid: line 1 = pid, line 4 = port (see PostgreSQL's pidfile.h).
        if (lines.Length < 4
            || !int.TryParse(lines[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(lines[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
            || !Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}"))
        {
            return null;
        }

        return port;
    }

    private async Task<int?> RunningPortAsync(CancellationToken cancellationToken)
    {
        var port = FindRunningServerPort(_dataDirectory);
        if (port is null)
        {
            return null;
        }

        // The pid may belong to an unrelated process after a reboot: only a port that accepts connections counts.
        return await IsListeningAsync(port.Value, cancellationToken) ? port : null;
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
