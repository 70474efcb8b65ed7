using System.Globalization;
using KonnectES.Postgres;
using Npgsql;

namespace KonnectES.Testing;

/// <summary>
/// One private PostgreSQL cluster shared by every test process on the machine (<c>dotnet test</c> on the
/// solution runs the test assemblies as parallel processes). A lock file serialises start and stop; each
/// process holds a lease file named after its pid and start time. The last process to leave stops the
/// cluster; leases of crashed processes are pruned, and a cluster left running by a crashed run is adopted
/// and then stopped by the run that adopted it.
/// </summary>
internal sealed class SharedCluster
{
    private readonly PrivatePostgres _postgres;
    private readonly string _root;
    private readonly string _lease;
    private int _released;

    private SharedCluster(PrivatePostgres postgres, string root, string lease)
    {
        _postgres = postgres;
        _root = root;
        _lease = lease;
    }

    public string ConnectionString => _postgres.ConnectionString;

    private static string Root => Environment.GetEnvironmentVariable("KONNECTES_TEST_PG_DIR")
        ?? Path.Combine(Path.GetTempPath(), "konnectes-test-postgres");

    public static async Task<SharedCluster> AcquireAsync(CancellationToken cancellationToken)
    {
        var root = Root;
        var leases = Path.Combine(root, "leases");
        Directory.CreateDirectory(leases);
        using var fileLock = await AcquireLockAsync(root, cancellationToken);
        var alive = PruneDeadLeases(leases);
        var data = Path.Combine(root, "data");
        if (Directory.Exists(data) && !File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            // A half-initialised directory from an interrupted initdb.
            Directory.Delete(data, recursive: true);
        }

        var postgres = new PrivatePostgres(new PrivatePostgresOptions { DataDirectory = data, Durable = false });
        await postgres.StartAsync(cancellationToken);
        if (alive == 0)
        {
            await DropLeftoverDatabasesAsync(postgres.ConnectionString, cancellationToken);
        }

        var lease = Path.Combine(leases, ProcessIdentity(Environment.ProcessId) ?? Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        await File.WriteAllTextAsync(lease, postgres.Port.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return new SharedCluster(postgres, root, lease);
    }

    /// <summary>Gives up this process's lease and stops the cluster when no other live process holds one.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var fileLock = AcquireLockAsync(_root, cancellation.Token).GetAwaiter().GetResult();
        File.Delete(_lease);
        if (PruneDeadLeases(Path.GetDirectoryName(_lease)!) == 0)
        {
            NpgsqlConnection.ClearAllPools();
            _postgres.StopAsync(cancellation.Token).GetAwaiter().GetResult();
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string root, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, "lock");
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix: held until the stream is disposed or the process dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(25, cancellationToken);
            }
        }
    }

    private static int PruneDeadLeases(string leases)
    {
        var alive = 0;
        foreach (var file in Directory.GetFiles(leases))
        {
            var name = Path.GetFileName(file);
            var pid = int.TryParse(name.Split('-')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : -1;
            if (pid > 0 && ProcessIdentity(pid) == name)
            {
                alive++;
            }
            else
            {
                File.Delete(file);
            }
        }

        return alive;
    }

    // "<pid>-<start time in clock ticks since boot>": a recycled pid does not look like the old process.
    private static string? ProcessIdentity(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $"{pid.ToString(CultureInfo.InvariantCulture)}-{fields[19]}";
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task DropLeftoverDatabasesAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE '%\\_%\\_%' AND NOT datistemplate AND datname <> 'postgres'", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
