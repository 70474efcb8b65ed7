using System.Net;
using System.Text.Json;
using KonnectES.Postgres;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace KonnectES.Server.Tests;

public sealed class StartingTheServer(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task With_a_configured_connection_string_the_host_migrates_the_event_store_and_reports_healthy()
    {
        // Given
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:EventStore", database.ConnectionString));
        using var client = factory.CreateClient();

        // When
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("all-in-one", health.RootElement.GetProperty("role").GetString());
        Assert.Equal("configured", health.RootElement.GetProperty("database").GetString());
        Assert.Equal(1, health.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'kes' AND tablename = 'events'"));
    }

    [Fact]
    public async Task Without_a_connection_string_the_host_runs_a_private_cluster_under_the_data_dir_and_stops_it()
    {
        // Given an empty data directory readable by the postgres user
        var dataDir = Directory.CreateTempSubdirectory("konnectes-server-test").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDir, (UnixFileMode)0b111_101_101);
        }

        try
        {
            await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
                .UseSetting("ConnectionStrings:EventStore", string.Empty)
                .UseSetting("KONNECTES_DATA_DIR", dataDir)))
            {
                using var client = factory.CreateClient();

                // When
                var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

                // Then it answers from its own cluster in <data dir>/pg
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal("private", health.RootElement.GetProperty("database").GetString());
                Assert.Equal(1, health.RootElement.GetProperty("schemaVersion").GetInt32());
                Assert.NotNull(PrivatePostgres.FindRunningServerPort(Path.Combine(dataDir, "pg")));
            }

            // And the cluster is stopped with the host
            NpgsqlConnection.ClearAllPools();
            Assert.Null(PrivatePostgres.FindRunningServerPort(Path.Combine(dataDir, "pg")));
            Assert.True(File.Exists(Path.Combine(dataDir, "pg", "PG_VERSION")));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
