using System.Net;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class RunningPluginsInPriorityOrder
{
    [Fact]
    public async Task Key_auth_runs_before_rate_limiting_so_rejected_requests_are_not_counted()
    {
        await using var host = await PluginTestHost.StartAsync("""
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
            plugins:
            - name: rate-limiting
              config: {minute: 2, limit_by: ip}
            - name: key-auth
            """, time: new ManualClock());

        var rejected = await host.Client.GetAsync("/orders");
        await host.Client.GetAsync("/orders");
        var first = await host.Client.GetAsync("/orders?apikey=alice-key");

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Null(Echo.Single(rejected, "X-RateLimit-Limit-Minute"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("1", Echo.Single(first, "X-RateLimit-Remaining-Minute"));
    }

    [Fact]
    public async Task Request_termination_answers_after_authentication_and_never_calls_the_upstream()
    {
        await using var host = await PluginTestHost.StartAsync("""
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
              plugins:
              - name: request-termination
                config: {status_code: 403, message: "alice is on hold"}
            - username: bob
              keyauth_credentials: [{key: bob-key}]
            plugins:
            - name: key-auth
            """);

        var alice = await host.Client.GetAsync("/orders?apikey=alice-key");
        var callsAfterAlice = host.UpstreamCalls;
        var bob = await host.Client.GetAsync("/orders?apikey=bob-key");

        Assert.Equal(HttpStatusCode.Forbidden, alice.StatusCode);
        Assert.Equal("alice is on hold", await Echo.MessageAsync(alice));
        Assert.Equal(0, callsAfterAlice);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
        Assert.Equal(1, host.UpstreamCalls);
    }

    [Fact]
    public async Task Plugins_that_ran_before_a_rejection_still_shape_its_response_and_later_ones_do_not()
    {
        await using var host = await PluginTestHost.StartAsync("""
            _format_version: "3.0"
            services:
            - name: orders
              url: http://orders.internal
              routes:
              - name: orders-route
                paths: [/orders]
            plugins:
            - name: cors
              config: {origins: ["https://shop.example"]}
            - name: key-auth
            - name: response-transformer
              config: {add: {headers: ["x-transformed:yes"]}}
            """);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("Origin", "https://shop.example");
        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("https://shop.example", Echo.Single(response, "Access-Control-Allow-Origin"));
        Assert.Null(Echo.Single(response, "x-transformed"));
    }

    [Fact]
    public async Task The_host_learns_which_plugins_ran_in_order_and_which_one_answered()
    {
        await using var host = await PluginTestHost.StartAsync("""
            _format_version: "3.0"
            services:
            - name: orders
              url: http://orders.internal
              routes:
              - name: orders-route
                paths: [/orders]
            plugins:
            - name: request-termination
            - name: correlation-id
            - name: key-auth
            - name: bot-detection
            - name: cors
            """);

        await host.Client.GetAsync("/orders");
        var rejected = host.LastRun!;

        Assert.Equal(["correlation-id", "bot-detection", "cors", "key-auth"], rejected.Reached.Select(p => p.Name));
        Assert.Equal("key-auth", rejected.AnsweredBy?.Name);
    }

    [Fact]
    public async Task A_consumer_scoped_plugin_that_runs_before_authentication_never_sees_the_consumer()
    {
        await using var host = await PluginTestHost.StartAsync("""
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
              plugins:
              - name: correlation-id
                config: {header_name: x-alice-trace}
              - name: request-size-limiting
                config: {allowed_payload_size: 1, size_unit: bytes}
            plugins:
            - name: key-auth
            """);

        var response = await host.Client.PostAsync("/orders?apikey=alice-key", new StringContent("too big"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["key-auth", "request-size-limiting"], host.LastRun!.Reached.Select(p => p.Name));
    }

    [Fact]
    public async Task Plugins_limited_to_other_protocols_do_not_run()
    {
        await using var host = await PluginTestHost.StartAsync("""
            _format_version: "3.0"
            services:
            - name: orders
              url: http://orders.internal
              routes:
              - name: orders-route
                paths: [/orders]
            plugins:
            - name: request-termination
              protocols: [https]
            """);

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
