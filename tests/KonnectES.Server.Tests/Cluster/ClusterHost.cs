using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using KonnectES.Server.Hosting;
using KonnectES.Server.Tests.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace KonnectES.Server.Tests.Cluster;

/// <summary>
/// A control-plane node over real Kestrel: the portal and the cluster endpoint on two free ports of the loopback
/// interface, on a test database with a known admin token.
/// </summary>
internal sealed class ClusterHost : IAsyncDisposable
{
    public const string AdminToken = PortalHost.AdminToken;
    private readonly WebApplication _app;

    private ClusterHost(WebApplication app, Uri portal, Uri cluster)
    {
        _app = app;
        PortalUri = portal;
        ClusterUri = cluster;
        Admin = new PortalClient(new HttpClient { BaseAddress = portal }, AdminToken);
    }

    public Uri PortalUri { get; }

    public Uri ClusterUri { get; }

    public PortalClient Admin { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ClusterHost> StartAsync(PostgresDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var portal = new Uri($"http://127.0.0.1:{FreePort()}/");
        var cluster = new Uri($"http://127.0.0.1:{FreePort()}/");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(Program).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:EventStore"] = database.ConnectionString,
            ["KONNECTES_ADMIN_TOKEN"] = AdminToken,
            ["urls"] = portal.ToString().TrimEnd('/'),
            [ClusterListener.ListenSetting] = cluster.ToString().TrimEnd('/'),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddKonnectES(ServerRole.ControlPlane);
        var app = builder.Build();
        app.MapKonnectES();
        await app.StartAsync();
        return new ClusterHost(app, portal, cluster);
    }

    public async Task<string> CreateControlPlaneAsync(string name) =>
        (await Admin.DataAsync("mutation($n: String!) { createControlPlane(input: {name: $n}) { controlPlane { id } errors { code } } }", new { n = name }))
            .GetProperty("createControlPlane").GetProperty("controlPlane").GetProperty("id").GetString()!;

    public async Task<string> DataPlaneTokenAsync(string controlPlaneId) =>
        (await Admin.DataAsync("mutation($cp: ID!) { createDataPlaneToken(controlPlaneId: $cp) { token errors { code } } }", new { cp = controlPlaneId }))
            .GetProperty("createDataPlaneToken").GetProperty("token").GetString()!;

    /// <summary>Creates a service through the portal and returns the new version.</summary>
    public async Task<long> CreateServiceAsync(string controlPlaneId, string host) =>
        (await Admin.DataAsync(
            "mutation($cp: ID!, $h: String!) { createService(input: {controlPlaneId: $cp, host: $h}) { version errors { code message } } }",
            new { cp = controlPlaneId, h = host }))
            .GetProperty("createService").GetProperty("version").GetInt64();

    /// <summary>An HTTP client of the cluster port with a bearer token (none when null).</summary>
    public HttpClient Cluster(string? token, bool gzip = false)
    {
        var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = gzip ? DecompressionMethods.GZip : DecompressionMethods.None })
        {
            BaseAddress = ClusterUri,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Opens the push channel as a data plane would.</summary>
    public async Task<ClientWebSocket> ConnectOutletAsync(string token, Guid nodeId, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        var uri = new UriBuilder(ClusterUri) { Scheme = "ws", Path = "/v1/outlet", Query = $"node_id={nodeId}&node_hostname=dp-test" }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
        return socket;
    }

    /// <summary>Opens a graphql-transport-ws subscription on the portal port as the admin.</summary>
    public async Task<ClientWebSocket> SubscribeAsync(string query, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new UriBuilder(PortalUri) { Scheme = "ws", Path = "/graphql" }.Uri, cancellationToken);
        await SendAsync(socket, new { type = "connection_init", payload = new { Authorization = "Bearer " + AdminToken } }, cancellationToken);
        var ack = await ReceiveAsync(socket, cancellationToken);
        if (ack.GetProperty("type").GetString() != "connection_ack")
        {
            throw new InvalidOperationException("no connection_ack: " + ack);
        }

        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query } }, cancellationToken);
        return socket;
    }

    public static Task SendAsync(WebSocket socket, object message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    public static async Task<JsonElement> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("the server closed the push channel");
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(text.ToString()).RootElement.Clone();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
