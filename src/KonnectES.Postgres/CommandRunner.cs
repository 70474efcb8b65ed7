using System.Diagnostics;

namespace KonnectES.Postgres;

/// <summary>
/// Runs the PostgreSQL tools, as the <c>postgres</c> user when this process is root
/// (<c>initdb</c> and <c>postgres</c> refuse to run as root).
/// </summary>
internal static class CommandRunner
{
    public const string ServiceUser = "postgres";

    public static bool RunsAsRoot => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

    public static async Task<CommandResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, bool asServiceUser, string workingDirectory, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (asServiceUser && RunsAsRoot)
        {
            info.FileName = "runuser";
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(ServiceUser);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(fileName);
        }
        else
        {
            info.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The server inherits this environment: keep messages in English and parseable.
        info.Environment["LC_ALL"] = "C";
        info.Environment["LANG"] = "C";

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CommandResult(process.ExitCode, (await stdout) + (await stderr));
    }

    public static async Task ChangeOwnerAsync(string path, CancellationToken cancellationToken)
    {
        if (!RunsAsRoot)
        {
            return;
        }

        var result = await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", path], asServiceUser: false, "/", cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown {path} to {ServiceUser} failed: {result.Output}");
        }
    }
}
