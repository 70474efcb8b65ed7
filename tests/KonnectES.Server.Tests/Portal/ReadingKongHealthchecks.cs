using System.Text.Json;

namespace KonnectES.Server.Tests.Portal;

public sealed class ReadingKongHealthchecks(PortalServer server) : IClassFixture<PortalServer>
{
    private const string Create =
        "mutation($cp: ID!, $n: String!, $h: JSON) { createUpstream(input: {controlPlaneId: $cp, name: $n, healthchecks: $h}) { upstream { id healthchecks } version errors { code message field } } }";

    private const string Update =
        "mutation($cp: ID!, $id: ID!, $h: JSON) { updateUpstream(input: {controlPlaneId: $cp, id: $id, healthchecks: $h}) { upstream { id healthchecks } version errors { code message field } } }";

    private const string KongHealthchecks = """
        {
          "threshold": 25,
          "active": {
            "type": "https", "timeout": 2, "concurrency": 5, "http_path": "/status", "https_verify_certificate": false,
            "https_sni": "orders.example", "headers": {"X-Probe": ["kong"]},
            "healthy": {"interval": 3, "successes": 2, "http_statuses": [200, 204]},
            "unhealthy": {"interval": 4, "tcp_failures": 1, "timeouts": 2, "http_failures": 3, "http_statuses": [500, 503]}
          },
          "passive": {"type": "http", "healthy": {"successes": 4, "http_statuses": [200]}, "unhealthy": {"tcp_failures": 5, "http_failures": 6, "http_statuses": [502]}}
        }
        """;

    [Fact]
    public async Task Kong_snake_case_keys_are_read_into_every_setting_and_read_back()
    {
        // Given a control plane
        var cp = await server.Host.CreateControlPlaneAsync("healthchecks-kong");

        // When an upstream is created with healthchecks pasted from Kong
        var created = await server.Admin.OkAsync("createUpstream", Create, new { cp, n = "kong.internal", h = JsonDocument.Parse(KongHealthchecks).RootElement });

        // Then every setting is kept, and reads show it
        var stored = (await server.Host.NodeAsync(created.Str("upstream.id")!, "... on Upstream { healthchecks }")).At("healthchecks");
        foreach (var h in new[] { created.At("upstream.healthchecks"), stored })
        {
            Assert.Equal(25, h.Int("threshold"));
            Assert.Equal(("https", 2, 5, "/status"), (h.Str("active.type"), h.Int("active.timeout"), h.Int("active.concurrency"), h.Str("active.httpPath")));
            Assert.False(h.At("active.httpsVerifyCertificate").GetBoolean());
            Assert.Equal("orders.example", h.Str("active.httpsSni"));
            Assert.Equal(["kong"], h.Strings("active.headers.X-Probe"));
            Assert.Equal((3, 2, 204), (h.Int("active.healthy.interval"), h.Int("active.healthy.successes"), h.Int("active.healthy.httpStatuses.1")));
            Assert.Equal((4, 1, 2, 3, 503), (h.Int("active.unhealthy.interval"), h.Int("active.unhealthy.tcpFailures"), h.Int("active.unhealthy.timeouts"),
                h.Int("active.unhealthy.httpFailures"), h.Int("active.unhealthy.httpStatuses.1")));
            Assert.Equal((4, 200), (h.Int("passive.healthy.successes"), h.Int("passive.healthy.httpStatuses.0")));
            Assert.Equal((5, 6, 502), (h.Int("passive.unhealthy.tcpFailures"), h.Int("passive.unhealthy.httpFailures"), h.Int("passive.unhealthy.httpStatuses.0")));
        }
    }

    [Fact]
    public async Task The_camel_case_keys_are_still_read_on_create_and_on_update()
    {
        // Given an upstream created with camelCase healthchecks
        var cp = await server.Host.CreateControlPlaneAsync("healthchecks-camel");
        var created = await server.Admin.OkAsync("createUpstream",
            "mutation($cp: ID!) { createUpstream(input: {controlPlaneId: $cp, name: \"camel.internal\", healthchecks: {active: {httpPath: \"/ready\", unhealthy: {tcpFailures: 2}}}}) { upstream { id healthchecks } errors { code message field } } }",
            new { cp });
        var id = created.Str("upstream.id");

        // When it is updated with camelCase keys as JSON variables
        var updated = await server.Admin.OkAsync("updateUpstream", Update,
            new { cp, id, h = JsonDocument.Parse("""{"active": {"httpPath": "/live", "httpsVerifyCertificate": false, "healthy": {"httpStatuses": [201]}}}""").RootElement });

        // Then both are read
        Assert.Equal(("/ready", 2), (created.Str("upstream.healthchecks.active.httpPath"), created.Int("upstream.healthchecks.active.unhealthy.tcpFailures")));
        Assert.Equal("/live", updated.Str("upstream.healthchecks.active.httpPath"));
        Assert.False(updated.At("upstream.healthchecks.active.httpsVerifyCertificate").GetBoolean());
        Assert.Equal(201, updated.Int("upstream.healthchecks.active.healthy.httpStatuses.0"));
    }

    [Theory]
    [InlineData("""{"active": {"http_pth": "/status"}}""", "healthchecks.active.http_pth")]
    [InlineData("""{"active": {"healthy": {"intervall": 1}}}""", "healthchecks.active.healthy.intervall")]
    [InlineData("""{"passive": {"unhealthy": {"tcpFailurez": 1}}}""", "healthchecks.passive.unhealthy.tcpFailurez")]
    [InlineData("""{"colour": "red"}""", "healthchecks.colour")]
    [InlineData("""{"active": {"concurrency": "ten"}}""", "healthchecks.active.concurrency")]
    [InlineData("""{"active": {"unhealthy": {"tcpFailures": true}}}""", "healthchecks.active.unhealthy.tcp_failures")]
    [InlineData("""{"active": {"http_path": "/a", "httpPath": "/b"}}""", "healthchecks.active.httpPath")]
    [InlineData("""{"active": "on"}""", "healthchecks.active")]
    public async Task An_unknown_key_or_a_wrongly_typed_value_is_refused_with_its_path_and_nothing_is_written(string healthchecks, string field)
    {
        // Given an upstream with Kong's default healthchecks
        var cp = await server.Host.CreateControlPlaneAsync("healthchecks-refused-" + Guid.NewGuid().ToString("N")[..8]);
        var id = (await server.Admin.OkAsync("createUpstream", Create, new { cp, n = "pool.internal", h = (object?)null })).Str("upstream.id");
        var version = (await server.Host.LatestEventAsync(cp)).Int("version");

        // When the healthchecks are sent on create and on update
        var h = JsonDocument.Parse(healthchecks).RootElement;
        var onCreate = await server.Admin.UserErrorAsync("createUpstream", Create, new { cp, n = "other.internal", h });
        var onUpdate = await server.Admin.UserErrorAsync("updateUpstream", Update, new { cp, id, h });

        // Then both are refused naming the field, and nothing was appended
        UserErrors.AssertIs(onCreate, "VALIDATION", field.Split('.'));
        UserErrors.AssertIs(onUpdate, "VALIDATION", field.Split('.'));
        Assert.Equal(version, (await server.Host.LatestEventAsync(cp)).Int("version"));
        var stored = (await server.Host.NodeAsync(id!, "... on Upstream { healthchecks }")).At("healthchecks");
        Assert.Equal(("/", 0), (stored.Str("active.httpPath"), stored.Int("active.unhealthy.tcpFailures")));
    }
}
