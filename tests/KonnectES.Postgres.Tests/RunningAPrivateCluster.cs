using Npgsql;

namespace KonnectES.Postgres.Tests;

public sealed class RunningAPrivateCluster : IAsyncLifetime
{
    private string _root = string.Empty;

    public Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("konnectes-pg-test").FullName;

        // The server runs as the postgres user, which must be able to enter the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
        }
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_cluster_is_initialised_started_stopped_and_reused_with_its_data()
    {
        var options = new PrivatePostgresOptions { DataDirectory = Path.Combine(_root, "pg"), Durable = false };

        // Given a cluster started in an empty directory that stores a row
        await using (var first = new PrivatePostgres(options))
        {
            await first.StartAsync();
            Assert.True(first.IsRunning);
            Assert.NotEqual(0, first.Port);
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");

            // When it is stopped
            await first.StopAsync();

            // Then nothing listens any more
            Assert.False(first.IsRunning);
            Assert.Null(PrivatePostgres.FindRunningServerPort(options.DataDirectory));
        }

        // When a new instance starts on the same directory, it reuses the cluster and its data
        await using var second = new PrivatePostgres(options);
        await second.StartAsync();
        Assert.Equal(42, await ScalarAsync(second.ConnectionString, "SELECT v FROM kept"));

        // And a third instance adopts the server that is already running instead of starting another
        await using var third = new PrivatePostgres(options);
        await third.StartAsync();
        Assert.Equal(second.Port, third.Port);
        Assert.Equal(42, await ScalarAsync(third.ConnectionString, "SELECT v FROM kept"));
        await third.StopAsync();
        Assert.Null(PrivatePostgres.FindRunningServerPort(options.DataDirectory));
    }

    [Fact]
    public async Task The_cluster_listens_on_loopback_only_and_trusts_the_postgres_user()
    {
        // Given
        await using var postgres = new PrivatePostgres(new PrivatePostgresOptions { DataDirectory = Path.Combine(_root, "loopback"), Durable = false });

        // When
        await postgres.StartAsync();

        // Then
        Assert.Equal("127.0.0.1", await TextAsync(postgres.ConnectionString, "SHOW listen_addresses"));
        Assert.Equal("postgres", await TextAsync(postgres.ConnectionString, "SELECT current_user"));
        Assert.Equal("off", await TextAsync(postgres.ConnectionString, "SHOW fsync"));
        NpgsqlConnection.ClearAllPools();
        await postgres.StopAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> TextAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
