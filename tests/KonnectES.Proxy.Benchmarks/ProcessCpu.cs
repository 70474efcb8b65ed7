using System.Globalization;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>
/// CPU time (utime + stime from /proc/&lt;pid&gt;/stat) of a process and all its live descendants, e.g. nginx's master and
/// workers. A difference of two readings is the CPU the tree spent in between.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of utime and stime; 100 on every Linux ABI in use (getconf CLK_TCK).
    private const double TicksPerSecond = 100;

    public static IReadOnlyDictionary<int, long> Read(int rootPid)
    {
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));

                // The command name (field 2) may hold spaces: the fields that follow start after its closing parenthesis.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process exited while the directory was read.
            }
        }

        var tree = new Dictionary<int, long>();
        foreach (var pid in ticks.Keys)
        {
            for (var p = pid; p > 1; p = parents.GetValueOrDefault(p))
            {
                if (p == rootPid)
                {
                    tree[pid] = ticks[pid];
                    break;
                }
            }
        }

        return tree;
    }

    public static double SecondsBetween(IReadOnlyDictionary<int, long> before, IReadOnlyDictionary<int, long> after) =>
        after.Sum(p => p.Value - before.GetValueOrDefault(p.Key)) / TicksPerSecond;
}
