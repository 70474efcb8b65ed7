namespace KonnectES.Postgres;

/// <summary>
/// The directory that holds one PostgreSQL installation's server binaries.
/// </summary>
public sealed class PostgresBinaries
{
    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    private PostgresBinaries(string directory, int majorVersion)
    {
        Directory = directory;
        MajorVersion = majorVersion;
    }

    /// <summary>The directory that contains <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
    public string Directory { get; }

    /// <summary>The major version, from the <c>/usr/lib/postgresql/&lt;major&gt;</c> folder or <c>pg_ctl --version</c>; 0 when unknown.</summary>
    public int MajorVersion { get; }

    /// <summary>Full path of <c>initdb</c>.</summary>
    public string InitDb => Path.Combine(Directory, "initdb");

    /// <summary>Full path of <c>pg_ctl</c>.</summary>
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// Looks on <c>PATH</c> first, then under <c>/usr/lib/postgresql/*/bin</c> (newest major version first).
    /// </summary>
    /// <exception cref="PostgresNotFoundException">No directory holds all three binaries.</exception>
    public static PostgresBinaries Locate() => Locate(Environment.GetEnvironmentVariable("PATH"), "/usr/lib/postgresql");

    internal static PostgresBinaries Locate(string? path, string libRoot)
    {
        foreach (var dir in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasAll(dir))
            {
                var resolved = ResolveDirectory(dir);
                return new PostgresBinaries(resolved, VersionFromPath(resolved));
            }
        }

        if (System.IO.Directory.Exists(libRoot))
        {
            var candidates = System.IO.Directory.GetDirectories(libRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => HasAll(c.Dir))
                .OrderByDescending(c => c.Version);
            foreach (var candidate in candidates)
            {
                return new PostgresBinaries(candidate.Dir, candidate.Version);
            }
        }

        throw new PostgresNotFoundException();
    }

    private static bool HasAll(string dir) => Required.All(name => File.Exists(Path.Combine(dir, name)));

    // /usr/local/bin/pg_ctl is often a symlink into /usr/lib/postgresql/<major>/bin: use the real folder,
    // because pg_ctl finds its sibling `postgres` relative to its own location.
    private static string ResolveDirectory(string dir)
    {
        var pgCtl = new FileInfo(Path.Combine(dir, "pg_ctl"));
        var target = pgCtl.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? dir : Path.GetDirectoryName(target.FullName) ?? dir;
    }

    private static int VersionFromPath(string dir)
    {
        var parent = Path.GetFileName(Path.GetDirectoryName(dir) ?? string.Empty);
        return int.TryParse(parent, out var version) ? version : 0;
    }
}
