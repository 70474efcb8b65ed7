namespace KonnectES.EndToEnd.Tests.Support;

/// <summary>Where the build put <c>KonnectES.Server.dll</c> (the project reference builds it before the tests).</summary>
internal static class ServerBinary
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Path => Located.Value;

    private static string Locate()
    {
        // <tests artifacts>/bin/KonnectES.EndToEnd.Tests/<configuration>/ → <artifacts>/bin/KonnectES.Server/<configuration>/, up the tree
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var configuration = own.Name;
        for (var dir = own; dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
            {
                System.IO.Path.Combine(dir.FullName, "KonnectES.Server", configuration, "KonnectES.Server.dll"),
                System.IO.Path.Combine(dir.FullName, "artifacts", "bin", "KonnectES.Server", configuration, "KonnectES.Server.dll"),
            })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"KonnectES.Server.dll was not found next to {own.FullName}; build tests/KonnectES.EndToEnd.Tests first.");
    }
}
