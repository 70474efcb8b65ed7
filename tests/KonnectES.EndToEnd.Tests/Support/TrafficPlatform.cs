using System.Text.Json;

namespace KonnectES.EndToEnd.Tests.Support;

/// <summary>
/// One control-plane process with a fresh database, a <see cref="StatusUpstream"/>, and data-plane processes started
/// on demand with a short traffic report interval; started once per test class.
/// </summary>
public sealed class TrafficPlatform : IAsyncLifetime
{
    private const string AdminToken = "kes_e2e_traffic_admin_token";
    private const string DataPlaneToken = "kdp_e2e_traffic_data_plane_token";

    private readonly List<DataPlaneNode> _dataPlanes = [];
    private string? _database;
    private ServerProcess? _controlPlane;
    private Uri _cluster = null!;

    internal Portal Portal { get; private set; } = null!;

    internal StatusUpstream Upstream { get; private set; } = null!;

    internal string ControlPlaneId { get; private set; } = "";

    /// <summary>The output of the processes, for assertion messages.</summary>
    internal string Logs =>
        $"--- control plane ---\n{_controlPlane?.Output}\n" + string.Concat(_dataPlanes.Select((d, i) => $"--- data plane {i} ---\n{d.Output}\n"));

    public async Task InitializeAsync()
    {
        _database = await SharedPostgres.CreateDatabaseAsync("e2etraffic");
        Upstream = await StatusUpstream.StartAsync();
        var portal = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _cluster = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _controlPlane = ServerProcess.Start("control-plane", new Dictionary<string, string>
        {
            ["ConnectionStrings__EventStore"] = _database,
            ["KONNECTES_ADMIN_TOKEN"] = AdminToken,
            ["ASPNETCORE_URLS"] = portal.ToString().TrimEnd('/'),
            ["KONNECTES_CLUSTER_LISTEN"] = _cluster.ToString().TrimEnd('/'),
            ["KONNECTES_DP_TOKEN"] = DataPlaneToken,
            ["KONNECTES_DEFAULT_CONTROL_PLANE"] = "default",
        });
        await _controlPlane.WaitUntilReadyAsync(new Uri(portal, "health"), TimeSpan.FromSeconds(60));
        Portal = new Portal(portal, AdminToken);
        ControlPlaneId = await Portal.ControlPlaneIdAsync("default");
    }

    /// <summary>Starts a data-plane process that reports its traffic every <paramref name="flushSeconds"/>.</summary>
    internal async Task<DataPlaneNode> StartDataPlaneAsync(double flushSeconds)
    {
        var node = await DataPlaneNode.StartAsync(_cluster, DataPlaneToken, new Dictionary<string, string>
        {
            ["KONNECTES_TRAFFIC_FLUSH_SECONDS"] = flushSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _dataPlanes.Add(node);
        return node;
    }

    /// <summary>The id of the route named <paramref name="name"/>.</summary>
    internal async Task<string> RouteIdAsync(string name) =>
        (await Portal.DataAsync("query($cp: ID, $n: String) { controlPlane(id: $cp) { route(name: $n) { id } } }", new { cp = ControlPlaneId, n = name }))
            .GetProperty("controlPlane").GetProperty("route").GetProperty("id").GetString()!;

    /// <summary>The id of the consumer named <paramref name="username"/>.</summary>
    internal async Task<string> ConsumerIdAsync(string username) =>
        (await Portal.DataAsync("query($cp: ID, $n: String) { controlPlane(id: $cp) { consumer(username: $n) { id } } }", new { cp = ControlPlaneId, n = username }))
            .GetProperty("controlPlane").GetProperty("consumer").GetProperty("id").GetString()!;

    /// <summary>
    /// The portal's <c>analytics</c> of one data plane from <paramref name="from"/> to <paramref name="to"/> per
    /// <paramref name="granularity"/> (MINUTE, HOUR, DAY), grouped by <paramref name="groupBy"/>.
    /// </summary>
    internal async Task<JsonElement> AnalyticsAsync(string dataPlaneId, DateTimeOffset from, DateTimeOffset to, string[] groupBy, string granularity = "MINUTE") =>
        (await Portal.DataAsync(
            """
            query($cp: ID, $from: DateTime!, $to: DateTime!, $granularity: Granularity!, $groupBy: [AnalyticsDimension!], $filter: AnalyticsFilter) {
              controlPlane(id: $cp) {
                analytics(from: $from, to: $to, granularity: $granularity, groupBy: $groupBy, filter: $filter) {
                  series { dimensions points { timestamp requestCount errorCount4xx errorCount5xx bytesIn bytesOut } }
                  totals { requestCount errorCount4xx errorCount5xx latencyP50Ms latencyP95Ms latencyP99Ms upstreamLatencyP99Ms proxyLatencyP99Ms bytesIn bytesOut }
                }
              }
            }
            """,
            new { cp = ControlPlaneId, from, to, granularity, groupBy, filter = new { dataPlaneId } })).GetProperty("controlPlane").GetProperty("analytics");

    public async Task DisposeAsync()
    {
        foreach (var node in _dataPlanes)
        {
            await node.DisposeAsync();
        }

        Portal?.Dispose();
        if (_controlPlane is not null)
        {
            await _controlPlane.DisposeAsync();
        }

        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }

        if (_database is not null)
        {
            await SharedPostgres.DropDatabaseAsync(_database);
        }
    }
}
