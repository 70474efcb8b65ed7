using System.Net.Http.Json;
using System.Text.Json;

namespace KonnectES.EndToEnd.Tests.Support;

/// <summary>
/// One control-plane process and one data-plane process on free ports, a fresh database, and three echo upstreams
/// (a, b, c), started once per test class. The control plane registers the shared data-plane token for its
/// <c>default</c> control plane, as docker-compose runs it.
/// </summary>
public sealed class Platform : IAsyncLifetime
{
    public const string AdminToken = "kes_e2e_admin_token";
    public const string DataPlaneToken = "kdp_e2e_shared_data_plane_token";

    private string? _database;
    private ServerProcess? _controlPlane;
    private ServerProcess? _dataPlane;
    private Dictionary<string, string> _controlPlaneEnvironment = [];
    private Dictionary<string, string> _dataPlaneEnvironment = [];

    internal Portal Portal { get; private set; } = null!;

    internal EchoUpstream A { get; private set; } = null!;

    internal EchoUpstream B { get; private set; } = null!;

    internal EchoUpstream C { get; private set; } = null!;

    internal Uri ClusterUri { get; private set; } = null!;

    internal Uri StatusUri { get; private set; } = null!;

    internal HttpClient Proxy { get; private set; } = null!;

    /// <summary>The data plane's TLS proxy port (<c>KONNECTES_PROXY_SSL_LISTEN</c>).</summary>
    internal int ProxySslPort { get; private set; }

    internal string ControlPlaneId { get; private set; } = "";

    internal string DataDirectory { get; } = Directory.CreateTempSubdirectory("konnectes-e2e-dp").FullName;

    public async Task InitializeAsync()
    {
        _database = await SharedPostgres.CreateDatabaseAsync("e2e");
        A = await EchoUpstream.StartAsync("a");
        B = await EchoUpstream.StartAsync("b");
        C = await EchoUpstream.StartAsync("c");
        var portal = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        ClusterUri = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var proxy = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        StatusUri = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        ProxySslPort = FreePort.Next();
        _controlPlaneEnvironment = new()
        {
            ["ConnectionStrings__EventStore"] = _database,
            ["KONNECTES_ADMIN_TOKEN"] = AdminToken,
            ["ASPNETCORE_URLS"] = portal.ToString().TrimEnd('/'),
            ["KONNECTES_CLUSTER_LISTEN"] = ClusterUri.ToString().TrimEnd('/'),
            ["KONNECTES_DP_TOKEN"] = DataPlaneToken,
            ["KONNECTES_DEFAULT_CONTROL_PLANE"] = "default",
        };
        _dataPlaneEnvironment = new()
        {
            ["KONNECTES_CLUSTER_URL"] = ClusterUri.ToString(),
            ["KONNECTES_DP_TOKEN"] = DataPlaneToken,
            ["KONNECTES_DATA_DIR"] = DataDirectory,
            ["KONNECTES_PROXY_LISTEN"] = proxy.ToString().TrimEnd('/'),
            ["KONNECTES_PROXY_SSL_LISTEN"] = $"https://127.0.0.1:{ProxySslPort}",
            ["KONNECTES_STATUS_LISTEN"] = StatusUri.ToString().TrimEnd('/'),
            ["DataPlane__MaxBackoffSeconds"] = "1",
            ["DataPlane__HeartbeatSeconds"] = "1",
        };
        await StartControlPlaneAsync();
        Portal = new Portal(portal, AdminToken);
        ControlPlaneId = await Portal.ControlPlaneIdAsync("default");
        await StartDataPlaneAsync();
        Proxy = new HttpClient { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>Starts (again) the control-plane process and waits for its health endpoint.</summary>
    internal async Task StartControlPlaneAsync()
    {
        _controlPlane = ServerProcess.Start("control-plane", _controlPlaneEnvironment);
        await _controlPlane.WaitUntilReadyAsync(new Uri(_controlPlaneEnvironment["ASPNETCORE_URLS"] + "/health"), TimeSpan.FromSeconds(60));
    }

    /// <summary>Starts (again) the data-plane process and waits for its status listener.</summary>
    internal async Task StartDataPlaneAsync()
    {
        _dataPlane = ServerProcess.Start("data-plane", _dataPlaneEnvironment);
        await _dataPlane.WaitUntilReadyAsync(new Uri(StatusUri, "status"), TimeSpan.FromSeconds(60));
    }

    internal Task KillControlPlaneAsync() => _controlPlane!.KillAsync();

    internal Task KillDataPlaneAsync() => _dataPlane!.KillAsync();

    /// <summary>Imports <paramref name="yaml"/> into the default control plane and waits until the data plane serves it.</summary>
    internal async Task<long> ConfigureAsync(string yaml)
    {
        var version = await Portal.ImportAsync(ControlPlaneId, yaml);
        await WaitForVersionAsync(version);
        return version;
    }

    /// <summary>The data plane's <c>/status</c>.</summary>
    internal async Task<JsonElement> StatusAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return await http.GetFromJsonAsync<JsonElement>(new Uri(StatusUri, "status"));
    }

    /// <summary>Waits until <c>/status</c> says the data plane serves <paramref name="version"/> (or later).</summary>
    internal async Task WaitForVersionAsync(long version)
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

        throw new TimeoutException($"The data plane does not serve version {version}: {status}\n{_dataPlane!.Output}");
    }

    /// <summary>The output of both processes, for assertion messages.</summary>
    internal string Logs => $"--- control plane ---\n{_controlPlane?.Output}\n--- data plane ---\n{_dataPlane?.Output}";

    public async Task DisposeAsync()
    {
        Proxy?.Dispose();
        Portal?.Dispose();
        if (_dataPlane is not null)
        {
            await _dataPlane.DisposeAsync();
        }

        if (_controlPlane is not null)
        {
            await _controlPlane.DisposeAsync();
        }

        foreach (var echo in new[] { A, B, C })
        {
            if (echo is not null)
            {
                await echo.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            await SharedPostgres.DropDatabaseAsync(_database);
        }

        Directory.Delete(DataDirectory, recursive: true);
    }
}
