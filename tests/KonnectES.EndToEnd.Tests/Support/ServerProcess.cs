using System.Diagnostics;
using System.Text;

namespace KonnectES.EndToEnd.Tests.Support;

/// <summary>A real <c>KonnectES.Server</c> process in one role, with its output kept for failure messages.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string role)
    {
        _process = process;
        Role = role;
    }

    public string Role { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The process's console output so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet KonnectES.Server.dll &lt;role&gt;</c> with <paramref name="environment"/>.</summary>
    public static ServerProcess Start(string role, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServerBinary.Path)!,
        };
        start.ArgumentList.Add(ServerBinary.Path);
        start.ArgumentList.Add(role);
        foreach (var name in new[] { "ASPNETCORE_URLS", "ConnectionStrings__EventStore", "KONNECTES_CLUSTER_URL", "KONNECTES_DP_TOKEN", "KONNECTES_DATA_DIR" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, role);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls <paramref name="probe"/> until it answers 200, failing with the process output after the timeout.</summary>
    public async Task WaitUntilReadyAsync(Uri probe, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The {Role} process exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(probe);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The {Role} process did not answer {probe} within {timeout}:\n{Output}");
    }

    /// <summary>Kills the process (a crash, not a graceful stop) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// Stops the process gracefully, as a service manager does (SIGTERM), and waits for it to exit; kills it and fails
    /// when it is still running after <paramref name="timeout"/>.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"The {Role} process did not stop within {timeout} of SIGTERM:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
