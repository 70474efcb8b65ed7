using System.Diagnostics;

namespace KonnectES.Messaging.Tests.Support;

/// <summary>Runs the test host console app (tests/KonnectES.Messaging.TestHost) as a real child process.</summary>
public static class ChildProcess
{
    public static async Task<(int ExitCode, string Output)> RunTestHostAsync(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "KonnectES.Messaging.TestHost.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The test host did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The test host did not exit: {await output} {await error}");
        }

        return (process.ExitCode, (await output) + (await error));
    }
}
