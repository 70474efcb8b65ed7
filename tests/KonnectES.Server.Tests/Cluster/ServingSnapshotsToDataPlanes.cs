using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KonnectES.Server.Tests.Cluster;

public sealed class ServingSnapshotsToDataPlanes(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ClusterHost _host = null!;

    public async Task InitializeAsync() => _host = await ClusterHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_full_snapshot_names_its_version_and_hashes_and_its_content_hashes_to_the_etag()
    {
        var cp = await _host.CreateControlPlaneAsync("full");
        var version = await _host.CreateServiceAsync(cp, "orders.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));

        using var response = await client.GetAsync(new Uri("/v1/config", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var snapshotHash = DeltaApplier.ContentHash(document).ToString();
        Assert.Equal($"\"{snapshotHash}\"", response.Headers.ETag!.Tag);
        Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Konnectes-Config-Version").Single());
        Assert.Equal(document["_konnectes"]!["config_hash"]!.GetValue<string>(), response.Headers.GetValues("X-Konnectes-Config-Hash").Single());
        Assert.Equal(version, document["_konnectes"]!["version"]!.GetValue<long>());
        Assert.Equal(snapshotHash, document["_konnectes"]!["snapshot_hash"]!.GetValue<string>());
        Assert.Equal("3.0", document["_format_version"]!.GetValue<string>());
        Assert.Equal("orders.internal", Assert.Single(document["services"]!.AsArray())!["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_current_etag_in_if_none_match_answers_304_for_the_snapshot_and_the_delta_and_a_change_makes_it_stale()
    {
        var cp = await _host.CreateControlPlaneAsync("etag");
        await _host.CreateServiceAsync(cp, "a.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        using var first = await client.GetAsync(new Uri("/v1/config", UriKind.Relative));
        var etag = first.Headers.ETag!;

        using var again = await Send(client, "/v1/config", etag);
        using var delta = await Send(client, "/v1/config?since=1", etag);
        await _host.CreateServiceAsync(cp, "b.internal");
        using var changed = await Send(client, "/v1/config", etag);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, delta.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task The_body_is_gzip_compressed_when_the_request_accepts_it()
    {
        var cp = await _host.CreateControlPlaneAsync("gzip");
        await _host.CreateServiceAsync(cp, "zipped.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/config");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await client.SendAsync(request);
        using var unzipped = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        var document = await JsonNode.ParseAsync(unzipped);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("zipped.internal", document!["services"]![0]!["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_delta_applied_to_an_earlier_snapshot_gives_the_current_snapshot_with_its_snapshot_hash()
    {
        var cp = await _host.CreateControlPlaneAsync("delta");
        await _host.CreateServiceAsync(cp, "one.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var earlier = (await client.GetFromJsonAsync<JsonObject>(new Uri("/v1/config", UriKind.Relative)))!;
        var since = earlier["_konnectes"]!["version"]!.GetValue<long>();
        await _host.CreateServiceAsync(cp, "two.internal");
        var deleted = earlier["services"]![0]!["id"]!.GetValue<string>();
        await _host.Admin.DataAsync("mutation($cp: ID!, $id: ID!) { deleteService(input: {controlPlaneId: $cp, id: $id}) { version } }", new { cp, id = deleted });

        var delta = (await client.GetFromJsonAsync<JsonObject>(new Uri($"/v1/config?since={since}", UriKind.Relative)))!;
        var full = (await client.GetFromJsonAsync<JsonObject>(new Uri("/v1/config", UriKind.Relative)))!;
        var applied = DeltaApplier.Apply(earlier, delta);

        Assert.Equal(since, delta["_konnectes"]!["from_version"]!.GetValue<long>());
        Assert.Equal(full["_konnectes"]!["snapshot_hash"]!.GetValue<string>(), delta["_konnectes"]!["snapshot_hash"]!.GetValue<string>());
        Assert.Equal(delta["_konnectes"]!["snapshot_hash"]!.GetValue<string>(), DeltaApplier.ContentHash(applied).ToString());
        Assert.Equal(DeltaApplier.ContentHash(full), DeltaApplier.ContentHash(applied));
        Assert.Contains(deleted, delta["deletes"]!["services"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task A_delta_since_the_current_version_is_empty()
    {
        var cp = await _host.CreateControlPlaneAsync("empty-delta");
        var version = await _host.CreateServiceAsync(cp, "same.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));

        var delta = (await client.GetFromJsonAsync<JsonObject>(new Uri($"/v1/config?since={version}", UriKind.Relative)))!;

        Assert.Empty(delta["upserts"]!.AsObject());
        Assert.Empty(delta["deletes"]!.AsObject());
        Assert.Equal(version, delta["_konnectes"]!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_since_ahead_of_the_control_plane_answers_409_asking_for_a_full_sync()
    {
        var cp = await _host.CreateControlPlaneAsync("ahead");
        var version = await _host.CreateServiceAsync(cp, "x.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));

        using var response = await client.GetAsync(new Uri($"/v1/config?since={version + 5}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await ClusterHost.JsonAsync(response);
        Assert.True(body.GetProperty("full_sync").GetBoolean());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("/v1/config?since=abc")]
    [InlineData("/v1/config?since=-1")]
    [InlineData("/v1/config?node_id=not-a-uuid")]
    [InlineData("/v1/outlet/poll?after_version=x")]
    [InlineData("/v1/outlet/poll?wait=soon")]
    public async Task A_malformed_query_parameter_answers_400_with_a_message(string path)
    {
        var cp = await _host.CreateControlPlaneAsync("bad-" + Guid.NewGuid().ToString("N")[..8]);
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await ClusterHost.JsonAsync(response)).GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Without_a_valid_data_plane_token_every_endpoint_answers_401()
    {
        var cp = await _host.CreateControlPlaneAsync("no-token");
        var tokens = new string?[] { null, "kdp_unknown", ClusterHost.AdminToken };
        foreach (var token in tokens)
        {
            using var client = _host.Cluster(token);
            foreach (var path in new[] { "/v1/config", "/v1/config?since=1", "/v1/outlet/poll?wait=0" })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.False(string.IsNullOrEmpty((await ClusterHost.JsonAsync(response)).GetProperty("message").GetString()));
            }

            using var status = await client.PostAsJsonAsync(new Uri("/v1/status", UriKind.Relative), new { node_id = Guid.NewGuid() });
            Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
        }

        Assert.NotNull(cp);
    }

    [Fact]
    public async Task A_token_of_one_control_plane_only_ever_sees_that_control_plane()
    {
        var x = await _host.CreateControlPlaneAsync("x");
        var y = await _host.CreateControlPlaneAsync("y");
        await _host.CreateServiceAsync(x, "x.internal");
        await _host.CreateServiceAsync(y, "y.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(x));

        var document = (await client.GetFromJsonAsync<JsonObject>(new Uri($"/v1/config?control_plane_id={y}", UriKind.Relative)))!;
        var delta = (await client.GetFromJsonAsync<JsonObject>(new Uri("/v1/config?since=0", UriKind.Relative)))!;

        Assert.Equal("x.internal", Assert.Single(document["services"]!.AsArray())!["host"]!.GetValue<string>());
        Assert.Equal("x.internal", Assert.Single(delta["upserts"]!["services"]!.AsArray())!["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deleted_control_plane_answers_404()
    {
        var cp = await _host.CreateControlPlaneAsync("doomed");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        await _host.Admin.DataAsync("mutation($id: ID!) { deleteControlPlane(input: {id: $id}) { deletedId errors { code } } }", new { id = cp });

        using var response = await client.GetAsync(new Uri("/v1/config", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await ClusterHost.JsonAsync(response)).GetProperty("message").GetString()));
    }

    [Fact]
    public async Task The_portal_and_the_cluster_endpoint_answer_only_on_their_own_ports()
    {
        var cp = await _host.CreateControlPlaneAsync("ports");
        var token = await _host.DataPlaneTokenAsync(cp);
        using var portalPort = new HttpClient { BaseAddress = _host.PortalUri };
        portalPort.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var clusterPort = _host.Cluster(ClusterHost.AdminToken);

        using var configOnPortal = await portalPort.GetAsync(new Uri("/v1/config", UriKind.Relative));
        using var graphqlOnCluster = await clusterPort.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = "{ controlPlanes { totalCount } }" });
        using var healthOnCluster = await clusterPort.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, configOnPortal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, graphqlOnCluster.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthOnCluster.StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request);
    }
}
