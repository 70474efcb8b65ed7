using Npgsql;

namespace KonnectES.Testing;

/// <summary>
/// The PostgreSQL server every test in this process uses: the one named by <c>ConnectionStrings__EventStore</c>
/// when set, otherwise a private cluster shared by all test processes of the machine (see <see cref="SharedCluster"/>)
/// and stopped when the last of them exits.
/// </summary>
public static class SharedPostgres
{
    /// <summary>The environment variable that points tests at an existing server.</summary>
    public const string ConnectionStringVariable = "ConnectionStrings__EventStore";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _adminConnectionString;

    /// <summary>A connection string to the server's maintenance database, allowed to create databases.</summary>
    public static async Task<string> AdminConnectionStringAsync(CancellationToken cancellationToken = default)
    {
        if (_adminConnectionString is { } known)
        {
            return known;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_adminConnectionString is null)
            {
                var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
                if (!string.IsNullOrWhiteSpace(configured))
                {
                    _adminConnectionString = configured;
                }
                else
                {
                    var cluster = await SharedCluster.AcquireAsync(cancellationToken);
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Release();
                    _adminConnectionString = cluster.ConnectionString;
                }
            }

            return _adminConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "t", CancellationToken cancellationToken = default)
    {
        var admin = await AdminConnectionStringAsync(cancellationToken);
        var name = $"{prefix}_{Environment.ProcessId}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 30)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, disconnecting its sessions.</summary>
    public static async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync(cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
