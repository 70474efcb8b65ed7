namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>Finds the shared Kong fixtures: &lt;repo&gt;/../shared/fixtures/kong.</summary>
internal static class SharedFixtures
{
    public static string Directory { get; } = Locate();

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KonnectES.sln")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared", "fixtures", "kong");
                if (System.IO.Directory.Exists(shared))
                {
                    return Path.GetFullPath(shared);
                }
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures/kong not found next to the repository root");
    }
}
