using System.Diagnostics;

namespace KonnectES.GraphQL.Tests.Support;

/// <summary>Runs the node helpers under tests/KonnectES.GraphQL.Tests/js (npm ci on first use) and the shared audit tool.</summary>
public static class Node
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KonnectES.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Repository root not found");
        }
    }

    public static string ScriptsDirectory => Path.Combine(RepositoryRoot, "tests", "KonnectES.GraphQL.Tests", "js");

    public static async Task EnsureInstalledAsync(string directory)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(directory, "node_modules")))
            {
                var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--silent"], directory, null, TimeSpan.FromMinutes(3));
                if (code != 0)
                {
                    throw new InvalidOperationException("npm ci failed: " + output);
                }
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    public static async Task<(int ExitCode, string Output)> ScriptAsync(string script, IReadOnlyList<string> arguments, string? stdin = null, TimeSpan? timeout = null)
    {
        await EnsureInstalledAsync(ScriptsDirectory);
        return await RunAsync("node", [script, .. arguments], ScriptsDirectory, stdin, timeout ?? TimeSpan.FromMinutes(2));
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, string? stdin, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
