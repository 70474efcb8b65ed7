using KonnectES.Testing;

namespace KonnectES.Postgres.Tests;

public sealed class SharingTheTestCluster(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Each_test_class_gets_its_own_empty_database()
    {
        // Given another fresh database on the same server
        var other = await SharedPostgres.CreateDatabaseAsync();
        try
        {
            // When both are asked for their name
            var mine = await database.ScalarAsync<string>("SELECT current_database()");

            // Then they differ and this one holds no tables
            Assert.NotEqual(new Npgsql.NpgsqlConnectionStringBuilder(other).Database, mine);
            Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        }
        finally
        {
            await SharedPostgres.DropDatabaseAsync(other);
        }
    }
}
