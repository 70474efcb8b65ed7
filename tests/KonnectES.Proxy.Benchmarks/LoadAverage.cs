namespace KonnectES.Proxy.Benchmarks;

/// <summary>The machine's 1-, 5- and 15-minute load averages, reported next to every figure.</summary>
internal static class LoadAverage
{
    public static string Read() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
