using System.Net;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class SharingResourcesWithCors
{
    private static string Config(string cors) => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        plugins:
        - name: cors
          config: {{cors}}
        """;

    [Fact]
    public async Task A_preflight_is_answered_200_by_the_gateway_without_the_upstream()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{origins: ['https://shop.example', 'https://admin.example'], headers: [x-auth, content-type], max_age: 3600, credentials: true, methods: [GET, POST]}"));

        var response = await host.Client.SendAsync(Preflight("https://admin.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://admin.example", Echo.Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET,POST", Echo.Single(response, "Access-Control-Allow-Methods"));
        Assert.Equal("x-auth,content-type", Echo.Single(response, "Access-Control-Allow-Headers"));
        Assert.Equal("3600", Echo.Single(response, "Access-Control-Max-Age"));
        Assert.Equal("true", Echo.Single(response, "Access-Control-Allow-Credentials"));
        Assert.Equal(0, host.UpstreamCalls);
    }

    [Fact]
    public async Task Without_configured_headers_a_preflight_echoes_the_requested_ones()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{}"));

        var response = await host.Client.SendAsync(Preflight("https://any.example"));

        Assert.Equal("*", Echo.Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("x-requested", Echo.Single(response, "Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task With_preflight_continue_the_preflight_goes_upstream()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{preflight_continue: true}"));

        await host.Client.SendAsync(Preflight("https://any.example"));

        Assert.Equal(1, host.UpstreamCalls);
    }

    [Fact]
    public async Task An_actual_request_from_an_origin_matching_a_regex_gets_it_back_with_exposed_headers_and_vary()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{origins: ['https://.*\\.shop\\.example', 'https://admin.example'], exposed_headers: [x-total]}"));

        var response = await host.Client.SendAsync(Actual("https://eu.shop.example"));

        Assert.Equal("https://eu.shop.example", Echo.Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("x-total", Echo.Single(response, "Access-Control-Expose-Headers"));
        Assert.Contains("Origin", Echo.Single(response, "Vary"));
    }

    [Fact]
    public async Task An_origin_matching_nothing_gets_no_allow_origin()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{origins: ['https://.*\\.shop\\.example', 'https://admin.example']}"));

        var response = await host.Client.SendAsync(Actual("https://evil.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Echo.Single(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task With_credentials_and_any_origin_the_request_origin_is_echoed()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{origins: ['*'], credentials: true}"));

        var response = await host.Client.SendAsync(Actual("https://shop.example"));

        Assert.Equal("https://shop.example", Echo.Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Echo.Single(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_single_plain_origin_is_always_sent()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{origins: ['https://shop.example']}"));

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal("https://shop.example", Echo.Single(response, "Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/orders");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-requested");
        return request;
    }

    private static HttpRequestMessage Actual(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("Origin", origin);
        return request;
    }
}
