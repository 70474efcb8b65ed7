namespace KonnectES.Postgres.Tests;

public sealed class LocatingBinaries
{
    [Fact]
    public void Binaries_on_this_machine_are_found_with_their_major_version()
    {
        // When
        var binaries = PostgresBinaries.Locate();

        // Then
        Assert.True(File.Exists(binaries.InitDb));
        Assert.True(File.Exists(binaries.PgCtl));
        Assert.True(binaries.MajorVersion >= 15, $"major version {binaries.MajorVersion}");
    }

    [Fact]
    public void A_symlinked_path_entry_resolves_to_the_real_installation_folder()
    {
        // Given a PATH entry whose pg_ctl is a symlink into /usr/lib/postgresql/<major>/bin
        var linkDir = Directory.CreateTempSubdirectory("konnectes-links").FullName;
        try
        {
            var real = PostgresBinaries.Locate();
            foreach (var name in new[] { "initdb", "pg_ctl", "postgres" })
            {
                File.CreateSymbolicLink(Path.Combine(linkDir, name), Path.Combine(real.Directory, name));
            }

            // When
            var found = PostgresBinaries.Locate(linkDir, "/nonexistent");

            // Then
            Assert.Equal(real.Directory, found.Directory);
        }
        finally
        {
            Directory.Delete(linkDir, recursive: true);
        }
    }

    [Fact]
    public void Missing_binaries_give_an_error_that_says_what_to_do()
    {
        // Given an empty PATH and no /usr/lib/postgresql
        var empty = Directory.CreateTempSubdirectory("konnectes-empty").FullName;
        try
        {
            // When
            var error = Assert.Throws<PostgresNotFoundException>(() => PostgresBinaries.Locate(empty, Path.Combine(empty, "none")));

            // Then
            Assert.Contains("install PostgreSQL 15+ or set ConnectionStrings__EventStore", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
