using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KonnectES.Server.Tests.Portal;

public sealed class SubscribingToConfigChanges(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ConfigChanged_sends_each_committed_change_with_its_actor()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:EventStore", database.ConnectionString)
            .UseSetting("KONNECTES_ADMIN_TOKEN", PortalHost.AdminToken));
        var admin = new PortalClient(factory.CreateClient(), PortalHost.AdminToken);
        var cp = (await admin.DataAsync("mutation { createControlPlane(input: {name: \"watched\"}) { controlPlane { id } } }"))
            .GetProperty("createControlPlane").GetProperty("controlPlane").GetProperty("id").GetString();
        var client = factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = r => r.Headers["Sec-WebSocket-Protocol"] = "graphql-transport-ws";
        using var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "graphql"), CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await SendAsync(socket, new { type = "connection_init", payload = new { Authorization = "Bearer " + PortalHost.AdminToken } }, timeout.Token);
        Assert.Equal("connection_ack", (await ReceiveAsync(socket, timeout.Token)).GetProperty("type").GetString());
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = $"subscription {{ configChanged(controlPlaneId: \"{cp}\") {{ version type actor }} }}" } }, timeout.Token);
        await Task.Delay(500, timeout.Token);
        await admin.DataAsync("mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, host: \"h\"}) { version } }", new { cp });

        var next = await ReceiveAsync(socket, timeout.Token);
        Assert.Equal("next", next.GetProperty("type").GetString());
        var change = next.GetProperty("payload").GetProperty("data").GetProperty("configChanged");
        Assert.Equal("ServiceCreated", change.GetProperty("type").GetString());
        Assert.Equal("admin", change.GetProperty("actor").GetString());
        Assert.Equal(2, change.GetProperty("version").GetInt32());
    }

    private static Task SendAsync(WebSocket socket, object message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(text.ToString()).RootElement.Clone();
    }
}
