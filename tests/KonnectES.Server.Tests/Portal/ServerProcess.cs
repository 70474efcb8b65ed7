using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KonnectES.Server.Tests.Portal;

/// <summary>
/// The server as its own process (<c>dotnet KonnectES.Server.dll</c>) on a free port, with its standard output kept
/// line by line; killed on dispose.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Everything printed on standard output so far.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Starts the server with these environment variables (null removes one inherited from the test process).</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", url])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };

        // The embedded data plane's TLS proxy would take 8443 and make a certificate; these tests need neither. The
        // cluster, proxy and status listeners get free ports, so that servers of tests running at the same time never
        // meet on Kong's fixed ports.
        info.Environment["KONNECTES_PROXY_SSL_LISTEN"] = "off";
        info.Environment["KONNECTES_CLUSTER_LISTEN"] = $"http://127.0.0.1:{FreePort()}";
        info.Environment["KONNECTES_PROXY_LISTEN"] = $"http://127.0.0.1:{FreePort()}";
        info.Environment["KONNECTES_STATUS_LISTEN"] = $"http://127.0.0.1:{FreePort()}";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var server = new ServerProcess(new Process { StartInfo = info }, url);
        server._process.OutputDataReceived += (_, e) => server.Received(e.Data);
        server._process.ErrorDataReceived += (_, _) => { };
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitListeningAsync();
        return server;
    }

    public HttpClient Client() => new() { BaseAddress = new Uri(Url) };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            _listening.TrySetException(new InvalidOperationException("the server exited:\n" + string.Join('\n', Output)));
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        // Kestrel starts listening after every hosted service (the bootstrap among them) has started.
        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private async Task WaitListeningAsync()
    {
        await _listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var http = Client();
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
