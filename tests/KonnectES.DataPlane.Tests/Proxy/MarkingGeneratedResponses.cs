using System.Net;

namespace KonnectES.DataPlane.Tests.Proxy;

/// <summary>
/// Kong's default <c>headers</c> setting: responses Kong generates (router answers, plugin exits, upstream failures)
/// carry <c>Server: kong/…</c>, <c>X-Kong-Response-Latency</c> and <c>X-Kong-Request-Id</c>; proxied ones carry
/// <c>Via</c>, the upstream and proxy latencies and the same request id.
/// </summary>
public sealed class MarkingGeneratedResponses
{
    [Theory]
    [InlineData("/keyed", HttpStatusCode.Unauthorized)]
    [InlineData("/limited", HttpStatusCode.TooManyRequests)]
    [InlineData("/closed", HttpStatusCode.ServiceUnavailable)]
    [InlineData("/nowhere", HttpStatusCode.NotFound)]
    public async Task A_response_the_gateway_generates_carries_Kongs_server_latency_and_request_id_headers(string path, HttpStatusCode expected)
    {
        // Given
        await using var upstream = await EchoServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync();
        await proxy.ApplyAsync(Config(upstream.Port));

        // When (the rate limit allows one request a minute: the second is refused)
        if (path == "/limited")
        {
            (await proxy.Client.GetAsync(new Uri(path, UriKind.Relative))).Dispose();
        }

        using var response = await proxy.Client.GetAsync(new Uri(path, UriKind.Relative));

        // Then
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("kong/3.10.0", response.Headers.Server.ToString());
        Assert.Matches("^[0-9]+$", response.Headers.GetValues("X-Kong-Response-Latency").Single());
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Kong-Request-Id").Single());
        Assert.False(response.Headers.Contains("X-Kong-Upstream-Latency"));
        Assert.False(response.Headers.Contains("X-Kong-Proxy-Latency"));
    }

    [Fact]
    public async Task A_proxied_response_carries_Via_and_the_latencies_but_no_response_latency()
    {
        // Given
        await using var upstream = await EchoServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync();
        await proxy.ApplyAsync(Config(upstream.Port));

        // When
        using var response = await proxy.Client.GetAsync(new Uri("/open", UriKind.Relative));

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1.1 kong/3.10.0", response.Headers.Via.ToString());
        Assert.Matches("^[0-9]+$", response.Headers.GetValues("X-Kong-Upstream-Latency").Single());
        Assert.Matches("^[0-9]+$", response.Headers.GetValues("X-Kong-Proxy-Latency").Single());
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Kong-Request-Id").Single());
        Assert.False(response.Headers.Contains("X-Kong-Response-Latency"));
    }

    [Fact]
    public async Task Every_request_gets_its_own_request_id_and_the_upstream_sees_the_clients()
    {
        // Given
        await using var upstream = await EchoServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync();
        await proxy.ApplyAsync(Config(upstream.Port));

        // When
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await proxy.Client.GetAsync(new Uri(i % 2 == 0 ? "/open" : "/keyed", UriKind.Relative));
            var id = response.Headers.GetValues("X-Kong-Request-Id").Single();
            ids.Add(id);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var echoed = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("headers");
                Assert.Equal(id, echoed.GetProperty("x-kong-request-id").GetString());
            }
        }

        // Then
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    private static string Config(int upstreamPort) => $"""
        _format_version: "3.0"
        services:
        - name: echo
          url: http://127.0.0.1:{upstreamPort}
          routes:
          - name: open
            paths: ["/open"]
          - name: keyed
            paths: ["/keyed"]
            plugins:
            - name: key-auth
          - name: limited
            paths: ["/limited"]
            plugins:
            - name: rate-limiting
              config:
                minute: 1
                policy: local
          - name: closed
            paths: ["/closed"]
            plugins:
            - name: request-termination
              config:
                status_code: 503
                message: closed for maintenance
        """;
}
