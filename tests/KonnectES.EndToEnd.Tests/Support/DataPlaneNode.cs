using System.Net.Http.Json;
using System.Text.Json;

namespace KonnectES.EndToEnd.Tests.Support;

/// <summary>A data-plane process on free ports with its own data directory, syncing from a control plane's cluster port.</summary>
internal sealed class DataPlaneNode : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly string _dataDirectory;

    private DataPlaneNode(ServerProcess process, Uri proxy, Uri status, string dataDirectory)
    {
        _process = process;
        StatusUri = status;
        _dataDirectory = dataDirectory;
        Proxy = new HttpClient { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>A client of the proxy listener.</summary>
    public HttpClient Proxy { get; }

    public Uri StatusUri { get; }

    /// <summary>The process's output, for assertion messages.</summary>
    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts <c>KonnectES.Server data-plane</c> against <paramref name="cluster"/> with <paramref name="token"/> and
    /// the extra <paramref name="settings"/>, and waits until its status listener answers.
    /// </summary>
    public static async Task<DataPlaneNode> StartAsync(Uri cluster, string token, IReadOnlyDictionary<string, string> settings)
    {
        var proxy = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var status = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var dataDirectory = Directory.CreateTempSubdirectory("konnectes-e2e-dp").FullName;
        var environment = new Dictionary<string, string>(settings)
        {
            ["KONNECTES_CLUSTER_URL"] = cluster.ToString(),
            ["KONNECTES_DP_TOKEN"] = token,
            ["KONNECTES_DATA_DIR"] = dataDirectory,
            ["KONNECTES_PROXY_LISTEN"] = proxy.ToString().TrimEnd('/'),
            ["KONNECTES_STATUS_LISTEN"] = status.ToString().TrimEnd('/'),
            ["KONNECTES_PROXY_SSL_LISTEN"] = $"https://127.0.0.1:{FreePort.Next()}",
            ["DataPlane__MaxBackoffSeconds"] = "1",
            ["DataPlane__HeartbeatSeconds"] = "1",
        };
        var process = ServerProcess.Start("data-plane", environment);
        var node = new DataPlaneNode(process, proxy, status, dataDirectory);
        try
        {
            await process.WaitUntilReadyAsync(new Uri(status, "status"), TimeSpan.FromSeconds(60));
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>The node's <c>/status</c>.</summary>
    public async Task<JsonElement> StatusAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return await http.GetFromJsonAsync<JsonElement>(new Uri(StatusUri, "status"));
    }

    /// <summary>The node id it reports with.</summary>
    public async Task<string> NodeIdAsync() => (await StatusAsync()).GetProperty("node_id").GetString()!;

    /// <summary>Waits until <c>/status</c> says the node serves <paramref name="version"/> (or later).</summary>
    public async Task WaitForVersionAsync(long version)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement status = default;
        while (DateTime.UtcNow < deadline)
        {
            status = await StatusAsync();
            if (status.GetProperty("configuration").GetProperty("version") is { ValueKind: JsonValueKind.Number } served && served.GetInt64() >= version)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The data plane does not serve version {version}: {status}\n{Output}");
    }

    /// <summary>Stops the process gracefully (SIGTERM) and waits for it to exit.</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        Proxy.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
