namespace KonnectES.Proxy.Benchmarks;

/// <summary>Finds executables on PATH (nginx lives in /usr/sbin, which a non-root PATH may lack).</summary>
internal static class Tools
{
    public static string? Find(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "") + ":/usr/sbin:/sbin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    public static string Require(string name) => Find(name) ?? throw new InvalidOperationException($"{name} not found");
}
