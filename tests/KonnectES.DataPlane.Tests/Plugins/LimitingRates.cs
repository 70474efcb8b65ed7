using System.Net;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class LimitingRates
{
    private static string Config(string limits) => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        consumers:
        - username: alice
          keyauth_credentials: [{key: alice-key}]
        - username: bob
          keyauth_credentials: [{key: bob-key}]
        plugins:
        - name: key-auth
          config: {anonymous: bob}
        - name: rate-limiting
          config: {{limits}}
        """;

    [Fact]
    public async Task Requests_over_the_limit_get_429_with_kongs_message_and_retry_after()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 10, 0, 15, TimeSpan.Zero));
        await using var host = await PluginTestHost.StartAsync(Config("{minute: 2}"), time: clock);

        var first = await host.Client.GetAsync("/orders?apikey=alice-key");
        var second = await host.Client.GetAsync("/orders?apikey=alice-key");
        var third = await host.Client.GetAsync("/orders?apikey=alice-key");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("2", Echo.Single(first, "X-RateLimit-Limit-Minute"));
        Assert.Equal("1", Echo.Single(first, "X-RateLimit-Remaining-Minute"));
        Assert.Equal("0", Echo.Single(second, "X-RateLimit-Remaining-Minute"));
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Equal("API rate limit exceeded", await Echo.MessageAsync(third));
        Assert.Equal("45", Echo.Single(third, "Retry-After"));
        Assert.Equal("0", Echo.Single(third, "RateLimit-Remaining"));
        Assert.Equal(2, host.UpstreamCalls);
    }

    [Fact]
    public async Task The_ietf_headers_describe_the_most_constrained_window()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 10, 0, 50, TimeSpan.Zero));
        await using var host = await PluginTestHost.StartAsync(Config("{minute: 3, hour: 100}"), time: clock);

        var response = await host.Client.GetAsync("/orders?apikey=alice-key");

        Assert.Equal("3", Echo.Single(response, "RateLimit-Limit"));
        Assert.Equal("2", Echo.Single(response, "RateLimit-Remaining"));
        Assert.Equal("10", Echo.Single(response, "RateLimit-Reset"));
        Assert.Equal("100", Echo.Single(response, "X-RateLimit-Limit-Hour"));
        Assert.Equal("99", Echo.Single(response, "X-RateLimit-Remaining-Hour"));
    }

    [Fact]
    public async Task A_new_window_starts_a_new_count()
    {
        var clock = new ManualClock();
        await using var host = await PluginTestHost.StartAsync(Config("{second: 1}"), time: clock);

        await host.Client.GetAsync("/orders?apikey=alice-key");
        var limited = await host.Client.GetAsync("/orders?apikey=alice-key");
        clock.Advance(TimeSpan.FromSeconds(1));
        var next = await host.Client.GetAsync("/orders?apikey=alice-key");

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Consumers_are_counted_apart_by_default()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{minute: 1}"), time: new ManualClock());

        var alice = await host.Client.GetAsync("/orders?apikey=alice-key");
        var bob = await host.Client.GetAsync("/orders");
        var aliceAgain = await host.Client.GetAsync("/orders?apikey=alice-key");

        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
        Assert.Equal((HttpStatusCode)429, aliceAgain.StatusCode);
    }

    [Fact]
    public async Task Limit_by_header_counts_per_header_value()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{minute: 1, limit_by: header, header_name: x-tenant}"), time: new ManualClock());

        var a = await SendAsync(host, "a");
        var b = await SendAsync(host, "b");
        var aAgain = await SendAsync(host, "a");

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal((HttpStatusCode)429, aAgain.StatusCode);
    }

    [Fact]
    public async Task Hidden_client_headers_and_a_custom_error_code_and_message()
    {
        await using var host = await PluginTestHost.StartAsync(
            Config("{minute: 1, hide_client_headers: true, error_code: 503, error_message: slow down}"), time: new ManualClock());

        var first = await host.Client.GetAsync("/orders?apikey=alice-key");
        var second = await host.Client.GetAsync("/orders?apikey=alice-key");

        Assert.Null(Echo.Single(first, "X-RateLimit-Limit-Minute"));
        Assert.Null(Echo.Single(first, "RateLimit-Limit"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("slow down", await Echo.MessageAsync(second));
    }

    private static Task<HttpResponseMessage> SendAsync(PluginTestHost host, string tenant)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders?apikey=alice-key");
        request.Headers.Add("x-tenant", tenant);
        return host.Client.SendAsync(request);
    }
}
