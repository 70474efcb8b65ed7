using System.Net;
using System.Text.Json;

namespace KonnectES.DataPlane.Tests.Proxy;

public sealed class ForwardingToUpstreams
{
    [Fact]
    public async Task The_upstream_gets_Kongs_forwarding_headers_and_the_client_gets_Kongs_latency_headers()
    {
        // Given
        await using var upstream = await EchoServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync();
        await proxy.ApplyAsync($"""
            _format_version: "3.0"
            services:
            - name: echo
              url: http://127.0.0.1:{upstream.Port}
              routes:
              - name: echo
                paths: ["/api"]
            """);

        // When
        using var response = await proxy.Client.GetAsync(new Uri("/api/items?q=1", UriKind.Relative));

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("headers");
        Assert.Equal("127.0.0.1", headers.GetProperty("x-forwarded-for").GetString());
        Assert.Equal("http", headers.GetProperty("x-forwarded-proto").GetString());
        Assert.Equal("/api/items", headers.GetProperty("x-forwarded-path").GetString());
        Assert.Equal("/api", headers.GetProperty("x-forwarded-prefix").GetString());
        Assert.Equal("1.1 kong/3.10.0", headers.GetProperty("via").GetString());
        Assert.True(response.Headers.Contains("X-Kong-Upstream-Latency"));
        Assert.True(response.Headers.Contains("X-Kong-Proxy-Latency"));
        Assert.Equal("1.1 kong/3.10.0", response.Headers.Via.ToString());
    }

    [Fact]
    public async Task An_upstream_without_targets_answers_503_failure_to_get_a_peer()
    {
        // Given
        await using var proxy = await ProxyTestHost.StartAsync();
        await proxy.ApplyAsync("""
            _format_version: "3.0"
            services:
            - name: empty
              host: empty-pool
              routes:
              - name: empty
                paths: ["/empty"]
            upstreams:
            - name: empty-pool
            """);

        // When
        using var response = await proxy.Client.GetAsync(new Uri("/empty", UriKind.Relative));

        // Then
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"message":"failure to get a peer from the ring-balancer"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refused_connection_is_retried_on_another_target()
    {
        // Given a dead target next to a live one
        await using var upstream = await EchoServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync();
        await proxy.ApplyAsync($"""
            _format_version: "3.0"
            services:
            - name: pool
              host: retry-pool
              retries: 2
              routes:
              - name: pool
                paths: ["/pool"]
            upstreams:
            - name: retry-pool
              targets:
              - target: 127.0.0.1:{EchoServer.FreePort()}
              - target: 127.0.0.1:{upstream.Port}
            """);

        // When
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await proxy.Client.GetAsync(new Uri("/pool", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        // Then every request reaches the live target
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task A_service_host_that_refuses_connections_answers_502_with_Kongs_body()
    {
        // Given
        await using var proxy = await ProxyTestHost.StartAsync();
        await proxy.ApplyAsync($"""
            _format_version: "3.0"
            services:
            - name: dead
              url: http://127.0.0.1:{EchoServer.FreePort()}
              retries: 0
              routes:
              - name: dead
                paths: ["/dead"]
            """);

        // When
        using var response = await proxy.Client.GetAsync(new Uri("/dead", UriKind.Relative));

        // Then
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("""{"message":"An invalid response was received from the upstream server"}""", await response.Content.ReadAsStringAsync());
    }
}
