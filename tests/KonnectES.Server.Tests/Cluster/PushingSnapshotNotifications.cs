using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;

namespace KonnectES.Server.Tests.Cluster;

public sealed class PushingSnapshotNotifications(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ClusterHost _host = null!;

    public async Task InitializeAsync() => _host = await ClusterHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_push_channel_sends_the_current_head_at_once_and_then_every_committed_change()
    {
        var cp = await _host.CreateControlPlaneAsync("pushed");
        var first = await _host.CreateServiceAsync(cp, "a.internal");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await _host.ConnectOutletAsync(await _host.DataPlaneTokenAsync(cp), Guid.NewGuid(), timeout.Token);

        var head = await ClusterHost.ReceiveAsync(socket, timeout.Token);
        var second = await _host.CreateServiceAsync(cp, "b.internal");
        var change = await ClusterHost.ReceiveAsync(socket, timeout.Token);

        Assert.Equal("snapshot_ready", head.GetProperty("type").GetString());
        Assert.Equal(cp, head.GetProperty("control_plane_id").GetString());
        Assert.Equal(first, head.GetProperty("version").GetInt64());
        Assert.Equal(64, head.GetProperty("config_hash").GetString()!.Length);
        Assert.Equal(64, head.GetProperty("snapshot_hash").GetString()!.Length);
        Assert.Equal(second, change.GetProperty("version").GetInt64());
        Assert.NotEqual(head.GetProperty("snapshot_hash").GetString(), change.GetProperty("snapshot_hash").GetString());
    }

    [Fact]
    public async Task A_token_of_one_control_plane_never_hears_of_another_ones_changes()
    {
        var x = await _host.CreateControlPlaneAsync("listener-x");
        var y = await _host.CreateControlPlaneAsync("listener-y");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await _host.ConnectOutletAsync(await _host.DataPlaneTokenAsync(x), Guid.NewGuid(), timeout.Token);
        var head = await ClusterHost.ReceiveAsync(socket, timeout.Token);

        await _host.CreateServiceAsync(y, "y.internal");
        var later = await _host.CreateServiceAsync(x, "x.internal");
        var next = await ClusterHost.ReceiveAsync(socket, timeout.Token);

        Assert.Equal(x, head.GetProperty("control_plane_id").GetString());
        Assert.Equal(x, next.GetProperty("control_plane_id").GetString());
        Assert.Equal(later, next.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_push_channel_needs_a_websocket_upgrade_a_node_id_and_a_valid_token()
    {
        var cp = await _host.CreateControlPlaneAsync("upgrade");
        var token = await _host.DataPlaneTokenAsync(cp);
        using var client = _host.Cluster(token);

        using var plain = await client.GetAsync(new Uri("/v1/outlet?node_id=" + Guid.NewGuid(), UriKind.Relative));
        var withoutNode = await RefusedUpgradeAsync(token, "");
        var withBadToken = await RefusedUpgradeAsync("kdp_nobody", "node_id=" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutNode);
        Assert.Equal(HttpStatusCode.Unauthorized, withBadToken);
    }

    [Fact]
    public async Task A_long_poll_answers_at_once_when_the_head_differs_from_the_version_it_names()
    {
        var cp = await _host.CreateControlPlaneAsync("poll-now");
        var version = await _host.CreateServiceAsync(cp, "now.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var watch = Stopwatch.StartNew();

        using var behind = await client.GetAsync(new Uri($"/v1/outlet/poll?after_version={version - 1}&wait=30", UriKind.Relative));
        using var ahead = await client.GetAsync(new Uri($"/v1/outlet/poll?after_version={version + 3}&wait=30", UriKind.Relative));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(version, (await ClusterHost.JsonAsync(behind)).GetProperty("version").GetInt64());
        Assert.Equal(version, (await ClusterHost.JsonAsync(ahead)).GetProperty("version").GetInt64());
        Assert.Equal("snapshot_ready", (await ClusterHost.JsonAsync(behind)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_long_poll_on_the_current_version_waits_for_the_next_change()
    {
        var cp = await _host.CreateControlPlaneAsync("poll-wait");
        var version = await _host.CreateServiceAsync(cp, "before.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));

        var polling = client.GetAsync(new Uri($"/v1/outlet/poll?after_version={version}&wait=30", UriKind.Relative));
        await Task.Delay(300);
        Assert.False(polling.IsCompleted);
        var next = await _host.CreateServiceAsync(cp, "after.internal");
        using var response = await polling.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(next, (await ClusterHost.JsonAsync(response)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_long_poll_with_nothing_new_answers_the_current_head_when_the_wait_is_over()
    {
        var cp = await _host.CreateControlPlaneAsync("poll-idle");
        var version = await _host.CreateServiceAsync(cp, "idle.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var watch = Stopwatch.StartNew();

        using var response = await client.GetAsync(new Uri($"/v1/outlet/poll?after_version={version}&wait=1", UriKind.Relative));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(version, (await ClusterHost.JsonAsync(response)).GetProperty("version").GetInt64());
    }

    private async Task<HttpStatusCode> RefusedUpgradeAsync(string token, string query)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        var uri = new UriBuilder(_host.ClusterUri) { Scheme = "ws", Path = "/v1/outlet", Query = query }.Uri;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        return socket.HttpStatusCode;
    }
}
