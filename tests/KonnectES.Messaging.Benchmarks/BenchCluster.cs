using KonnectES.Postgres;
using Npgsql;

namespace KonnectES.Messaging.Benchmarks;

/// <summary>A private, durable PostgreSQL cluster in a temp directory, removed afterwards.</summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly PrivatePostgres _postgres;
    private readonly string _root;
    private int _schemas;

    private BenchCluster(PrivatePostgres postgres, string root)
    {
        _postgres = postgres;
        _root = root;
    }

    public string ConnectionString => _postgres.ConnectionString;

    public string NewSchema() => $"bench{Interlocked.Increment(ref _schemas)}";

    public static async Task<BenchCluster> StartAsync(bool durable)
    {
        var root = Directory.CreateTempSubdirectory("konnectes-messaging-bench").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // The server may run as the postgres user, which must be able to enter the folder.
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }

        var options = new PrivatePostgresOptions { DataDirectory = Path.Combine(root, "pg"), Durable = durable };
        options.Settings["shared_buffers"] = "512MB";
        options.Settings["max_wal_size"] = "4GB";
        var postgres = new PrivatePostgres(options);
        await postgres.StartAsync();
        return new BenchCluster(postgres, root);
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _postgres.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
