using Npgsql;
using Xunit;

namespace KonnectES.Testing;

/// <summary>
/// A class fixture: a fresh, empty database for one test class on the shared server, dropped afterwards,
/// so test classes run in parallel without seeing each other's data.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>The connection string of this class's database.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database is not created yet.");

    /// <summary>Opens a new connection to this class's database.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs one SQL statement and returns its first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task InitializeAsync() => _connectionString = await SharedPostgres.CreateDatabaseAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            using (var pooled = new NpgsqlConnection(_connectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await SharedPostgres.DropDatabaseAsync(_connectionString);
        }
    }
}
