using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KonnectES.EndToEnd.Tests.Support;

namespace KonnectES.EndToEnd.Tests;

/// <summary>
/// Configured through the portal's GraphQL API, served by a separate data-plane process: Kong's routing, plugins,
/// load balancing and health checks end to end, over real sockets.
/// </summary>
public sealed class ProxyingThroughADataPlane(Platform platform) : IClassFixture<Platform>
{
    [Fact]
    public async Task Requests_reach_the_upstream_of_the_matching_route_with_the_path_Kong_computes()
    {
        // Given
        await platform.ConfigureAsync($"""
            _format_version: "3.0"
            services:
            - name: svc-a
              url: http://{platform.A.Address}/base
              routes:
              - name: stripped
                paths: ["/strip"]
              - name: kept
                paths: ["/keep"]
                strip_path: false
            - name: svc-b
              url: http://{platform.B.Address}
              routes:
              - name: by-host
                hosts: ["api.example.com"]
                preserve_host: true
              - name: by-regex
                paths: ["~/users/(?<id>\\d+)$"]
                methods: ["GET"]
            """);

        // When / Then: strip_path removes the matched prefix and joins the service path
        var stripped = await GetEchoAsync("/strip/items?x=1");
        Assert.Equal("a", stripped.GetProperty("upstream").GetString());
        Assert.Equal("/base/items", stripped.GetProperty("path").GetString());
        Assert.Equal("?x=1", stripped.GetProperty("query").GetString());
        Assert.Equal($"127.0.0.1:{platform.A.Port}", stripped.GetProperty("headers").GetProperty("host").GetString());
        Assert.Equal("/strip", stripped.GetProperty("headers").GetProperty("x-forwarded-prefix").GetString());
        Assert.StartsWith("1.1 kong/", stripped.GetProperty("headers").GetProperty("via").GetString());

        // strip_path false keeps the whole path after the service path
        var kept = await GetEchoAsync("/keep/items");
        Assert.Equal("/base/keep/items", kept.GetProperty("path").GetString());

        // a host route with preserve_host sends the client's Host upstream
        using var byHost = new HttpRequestMessage(HttpMethod.Get, "/anything");
        byHost.Headers.Host = "api.example.com";
        var hosted = await SendEchoAsync(byHost);
        Assert.Equal("b", hosted.GetProperty("upstream").GetString());
        Assert.Equal("api.example.com", hosted.GetProperty("headers").GetProperty("host").GetString());
        Assert.Equal("/anything", hosted.GetProperty("path").GetString());

        // a regex route matches only its method, and strips the whole match
        var regex = await GetEchoAsync("/users/42");
        Assert.Equal("b", regex.GetProperty("upstream").GetString());
        Assert.Equal("/", regex.GetProperty("path").GetString());
        using var post = await platform.Proxy.PostAsync(new Uri("/users/42", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("no Route matched with those values", (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Key_auth_and_rate_limiting_answer_401_200_and_429_with_Kong_headers()
    {
        // Given
        await platform.ConfigureAsync($"""
            _format_version: "3.0"
            services:
            - name: limited
              url: http://{platform.A.Address}
              routes:
              - name: limited
                paths: ["/limited"]
                plugins:
                - name: key-auth
                - name: rate-limiting
                  config:
                    minute: 2
                    policy: local
            consumers:
            - username: alice
              keyauth_credentials:
              - key: alice-secret
            """);

        // When no key is sent
        using var anonymous = await platform.Proxy.GetAsync(new Uri("/limited", UriKind.Relative));

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("No API key found in request", (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());

        // When the key is sent three times in a minute
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/limited");
            request.Headers.Add("apikey", "alice-secret");
            last?.Dispose();
            last = await platform.Proxy.SendAsync(request);
            statuses.Add(last.StatusCode);
            if (i == 0)
            {
                var echo = await last.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("alice", echo.GetProperty("headers").GetProperty("x-consumer-username").GetString());
                Assert.Equal("2", last.Headers.GetValues("X-RateLimit-Limit-Minute").Single());
                Assert.Equal("1", last.Headers.GetValues("X-RateLimit-Remaining-Minute").Single());
            }
        }

        // Then the third is limited
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("API rate limit exceeded", (await last!.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal("0", last.Headers.GetValues("X-RateLimit-Remaining-Minute").Single());
        Assert.True(last.Headers.Contains("Retry-After"));
        last.Dispose();
    }

    [Fact]
    public async Task Requests_are_spread_over_the_targets_by_weight()
    {
        // Given targets weighted 1:3
        await platform.ConfigureAsync($"""
            _format_version: "3.0"
            services:
            - name: weighted
              host: weighted-pool
              routes:
              - name: weighted
                paths: ["/weighted"]
            upstreams:
            - name: weighted-pool
              targets:
              - target: {platform.A.Address}
                weight: 100
              - target: {platform.B.Address}
                weight: 300
            """);
        var counts = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0 };

        // When
        for (var i = 0; i < 1000; i++)
        {
            var echo = await GetEchoAsync("/weighted");
            counts[echo.GetProperty("upstream").GetString()!]++;
        }

        // Then each share is within 10% of its weight's
        Assert.InRange(counts["a"], 225, 275);
        Assert.InRange(counts["b"], 675, 825);
    }

    [Fact]
    public async Task A_target_that_fails_active_health_checks_gets_no_traffic_until_it_recovers()
    {
        // Given two targets checked every second
        await platform.ConfigureAsync($"""
            _format_version: "3.0"
            services:
            - name: checked
              host: checked-pool
              routes:
              - name: checked
                paths: ["/checked"]
            upstreams:
            - name: checked-pool
              healthchecks:
                active:
                  type: http
                  http_path: /health
                  timeout: 1
                  healthy:
                    interval: 1
                    successes: 1
                  unhealthy:
                    interval: 1
                    http_failures: 1
                    tcp_failures: 1
                    timeouts: 1
              targets:
              - target: {platform.B.Address}
              - target: {platform.C.Address}
            """);

        try
        {
            // When c's health endpoint fails
            platform.C.Failing = true;
            await EventuallyAsync(async () => !await ReachesAsync("c", 20), "c still gets traffic after failing its health checks");

            // Then nothing goes to c
            Assert.False(await ReachesAsync("c", 40));

            // When it recovers, it gets traffic again
            platform.C.Failing = false;
            await EventuallyAsync(() => ReachesAsync("c", 20), "c does not get traffic back after recovering");
        }
        finally
        {
            platform.C.Failing = false;
        }
    }

    [Fact]
    public async Task A_snapshot_with_an_unsupported_plugin_is_refused_and_the_previous_one_keeps_serving()
    {
        // Given
        var served = await platform.ConfigureAsync($"""
            _format_version: "3.0"
            services:
            - name: steady
              url: http://{platform.A.Address}
              routes:
              - name: steady
                paths: ["/steady"]
            """);

        // When a plugin this data plane does not implement is configured
        var refused = await platform.Portal.ImportAsync(platform.ControlPlaneId, $"""
            _format_version: "3.0"
            services:
            - name: steady
              url: http://{platform.B.Address}
              routes:
              - name: steady
                paths: ["/steady"]
              plugins:
              - name: http-log
                config:
                  http_endpoint: "http://127.0.0.1:9/logs"
            """);

        // Then the portal shows the NACK
        JsonElement node = default;
        await EventuallyAsync(async () =>
        {
            var nodes = (await platform.Portal.DataPlanesAsync("default")).GetProperty("dataPlanes");
            node = nodes.EnumerateArray().FirstOrDefault(n => n.GetProperty("lastError").ValueKind == JsonValueKind.String);
            return node.ValueKind == JsonValueKind.Object;
        }, "no data plane reports an error");
        Assert.Contains("http-log", node.GetProperty("lastError").GetString());
        Assert.Equal(served, node.GetProperty("configVersion").GetInt64());
        Assert.True(refused > served);

        // And the data plane still serves the previous configuration
        Assert.Equal("a", (await GetEchoAsync("/steady")).GetProperty("upstream").GetString());
        var status = await platform.StatusAsync();
        Assert.Equal(served, status.GetProperty("configuration").GetProperty("version").GetInt64());
        Assert.Contains("http-log", status.GetProperty("sync").GetProperty("last_error").GetString());
    }

    [Fact]
    public async Task Status_and_metrics_show_the_applied_version()
    {
        // Given
        var version = await platform.ConfigureAsync($"""
            _format_version: "3.0"
            services:
            - name: measured
              url: http://{platform.A.Address}
              routes:
              - name: measured
                paths: ["/measured"]
            """);
        await GetEchoAsync("/measured");

        // When
        var status = await platform.StatusAsync();
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(platform.StatusUri, "metrics"));

        // Then
        Assert.Equal("serving", status.GetProperty("status").GetString());
        Assert.Equal(version, status.GetProperty("configuration").GetProperty("version").GetInt64());
        Assert.Equal(1, status.GetProperty("configuration").GetProperty("routes").GetInt32());
        Assert.Equal(1, status.GetProperty("configuration").GetProperty("services").GetInt32());
        Assert.Contains($"konnectes_config_version {version}\n", metrics);
        Assert.Contains("kong_http_requests_total{service=\"measured\",route=\"measured\",code=\"200\"} 1", metrics);
    }

    private async Task<JsonElement> GetEchoAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendEchoAsync(request);
    }

    private async Task<JsonElement> SendEchoAsync(HttpRequestMessage request)
    {
        using var response = await platform.Proxy.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{request.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<bool> ReachesAsync(string upstream, int requests)
    {
        var reached = false;
        for (var i = 0; i < requests; i++)
        {
            reached |= (await GetEchoAsync("/checked")).GetProperty("upstream").GetString() == upstream;
        }

        return reached;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail(failure);
    }
}
