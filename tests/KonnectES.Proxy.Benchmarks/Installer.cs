using System.Diagnostics;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>Installs the Debian packages the harness drives (wrk, nginx) when they are missing, saying what it runs.</summary>
internal static class Installer
{
    public static void EnsureTools(bool install)
    {
        var missing = new List<string>();
        if (Tools.Find("wrk") is null)
        {
            missing.Add("wrk");
        }

        if (Tools.Find("nginx") is null)
        {
            missing.Add("nginx-light");
        }

        if (missing.Count == 0)
        {
            return;
        }

        if (!install)
        {
            throw new InvalidOperationException($"missing: {string.Join(", ", missing)} (run without --no-install, as root)");
        }

        Run("apt-get", "update");
        Run("apt-get", $"install -y {string.Join(' ', missing)}");
        if (Tools.Find("wrk") is null || Tools.Find("nginx") is null)
        {
            throw new InvalidOperationException("wrk or nginx is still missing after apt-get install");
        }
    }

    private static void Run(string file, string arguments)
    {
        Console.WriteLine($"# running: {file} {arguments}");
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })
            ?? throw new InvalidOperationException($"could not start {file}");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode} (installing needs root)");
        }
    }
}
