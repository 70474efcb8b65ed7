using System.Net;
using KonnectES.Server.Tests.Portal;

namespace KonnectES.Server.Tests.Cluster;

public sealed class ManagingDataPlaneTokens(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ClusterHost _host = null!;

    public async Task InitializeAsync() => _host = await ClusterHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_revoked_data_plane_token_gets_401_from_then_on()
    {
        var cp = await _host.CreateControlPlaneAsync("revoked");
        var created = (await _host.Admin.DataAsync(
            "mutation($cp: ID!) { createDataPlaneToken(controlPlaneId: $cp, name: \"edge-eu\") { token id name errors { code } } }", new { cp }))
            .GetProperty("createDataPlaneToken");
        using var client = _host.Cluster(created.GetProperty("token").GetString());
        using var before = await client.GetAsync(new Uri("/v1/config", UriKind.Relative));

        var revoked = (await _host.Admin.DataAsync(
            "mutation($cp: ID!) { revokeDataPlaneToken(input: {controlPlaneId: $cp, name: \"edge-eu\"}) { revoked errors { code } } }", new { cp }))
            .GetProperty("revokeDataPlaneToken");
        using var after = await client.GetAsync(new Uri("/v1/config", UriKind.Relative));
        var again = (await _host.Admin.DataAsync(
            "mutation($cp: ID!, $id: ID) { revokeDataPlaneToken(input: {controlPlaneId: $cp, id: $id}) { revoked errors { code } } }",
            new { cp, id = created.GetProperty("id").GetString() }))
            .GetProperty("revokeDataPlaneToken");

        Assert.Equal("edge-eu", created.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(revoked.GetProperty("revoked").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.False(again.GetProperty("revoked").GetBoolean());
        Assert.Equal("NOT_FOUND", again.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Revoking_a_token_closes_its_open_push_channel_at_the_next_change()
    {
        var cp = await _host.CreateControlPlaneAsync("revoked-while-open");
        var created = (await _host.Admin.DataAsync(
            "mutation($cp: ID!) { createDataPlaneToken(controlPlaneId: $cp, name: \"open\") { token } }", new { cp }))
            .GetProperty("createDataPlaneToken");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await _host.ConnectOutletAsync(created.GetProperty("token").GetString()!, Guid.NewGuid(), timeout.Token);
        await ClusterHost.ReceiveAsync(socket, timeout.Token);

        await _host.Admin.DataAsync("mutation($cp: ID!) { revokeDataPlaneToken(input: {controlPlaneId: $cp, name: \"open\"}) { revoked } }", new { cp });
        await _host.CreateServiceAsync(cp, "after-revoke.internal");
        var buffer = new byte[1024];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);

        Assert.Equal(System.Net.WebSockets.WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, result.CloseStatus);
    }

    [Fact]
    public async Task An_expired_data_plane_token_gets_401()
    {
        var cp = await _host.CreateControlPlaneAsync("expiring");
        var token = (await _host.Admin.DataAsync(
            "mutation($cp: ID!, $at: DateTime) { createDataPlaneToken(controlPlaneId: $cp, expiresAt: $at) { token errors { code } } }",
            new { cp, at = DateTimeOffset.UtcNow.AddMinutes(-1) }))
            .GetProperty("createDataPlaneToken").GetProperty("token").GetString();
        using var client = _host.Cluster(token);

        using var response = await client.GetAsync(new Uri("/v1/config", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Data_plane_tokens_are_listed_with_name_dates_and_last_use_but_never_the_secret()
    {
        var cp = await _host.CreateControlPlaneAsync("listed");
        var token = await _host.DataPlaneTokenAsync(cp);
        using (var client = _host.Cluster(token))
        {
            using var used = await client.GetAsync(new Uri("/v1/config", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        }

        var result = await _host.Admin.PostAsync(
            "query($id: ID!) { controlPlane(id: $id) { dataPlaneTokens { id name createdAt createdBy expiresAt lastUsedAt revokedAt } } }", new { id = cp });
        var listed = Assert.Single(result.GetProperty("data").GetProperty("controlPlane").GetProperty("dataPlaneTokens").EnumerateArray());

        Assert.StartsWith("dp-", listed.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("admin", listed.GetProperty("createdBy").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain(token, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_control_plane_admins_and_above_may_revoke_data_plane_tokens()
    {
        var cp = await _host.CreateControlPlaneAsync("guarded");
        await _host.DataPlaneTokenAsync(cp);
        var editorToken = (await _host.Admin.DataAsync(
            "mutation($cp: ID) { createApiToken(input: {name: \"dp-editor\", roles: [{role: EDITOR, controlPlaneId: $cp}]}) { token } }", new { cp }))
            .GetProperty("createApiToken").GetProperty("token").GetString();
        var editor = new PortalClient(new HttpClient { BaseAddress = _host.PortalUri }, editorToken);

        var refused = (await editor.DataAsync(
            "mutation($cp: ID!) { revokeDataPlaneToken(input: {controlPlaneId: $cp, name: \"whatever\"}) { revoked errors { code } } }", new { cp }))
            .GetProperty("revokeDataPlaneToken");

        Assert.False(refused.GetProperty("revoked").GetBoolean());
        Assert.Equal("FORBIDDEN", refused.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
