using System.Net;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class TerminatingRequests
{
    private static string Config(string termination) => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        plugins:
        - name: request-termination
          config: {{termination}}
        """;

    [Fact]
    public async Task By_default_the_gateway_answers_503_service_unavailable()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{}"));

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Service unavailable", await Echo.MessageAsync(response));
        Assert.Equal(0, host.UpstreamCalls);
    }

    [Fact]
    public async Task The_message_is_plain_json_and_a_status_without_a_default_message_has_no_body()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{status_code: 418}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("Accept", "text/html");

        var teapot = await host.Client.SendAsync(request);

        Assert.Equal((HttpStatusCode)418, teapot.StatusCode);
        Assert.Empty(await teapot.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_configured_message_is_sent_as_json_even_to_clients_preferring_html()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{status_code: 410, message: gone for good}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("Accept", "text/html");

        var response = await host.Client.SendAsync(request);

        Assert.Equal("""{"message":"gone for good"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_configured_body_is_sent_with_its_content_type()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{status_code: 418, body: '<teapot/>', content_type: application/xml}"));

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal("<teapot/>", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task With_a_trigger_only_requests_carrying_it_are_terminated()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{status_code: 404, trigger: x-maintenance}"));
        using var triggered = new HttpRequestMessage(HttpMethod.Get, "/orders");
        triggered.Headers.Add("x-maintenance", "1");

        var plain = await host.Client.GetAsync("/orders");
        var byHeader = await host.Client.SendAsync(triggered);
        var byQuery = await host.Client.GetAsync("/orders?x-maintenance");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byHeader.StatusCode);
        Assert.Equal("Not found", await Echo.MessageAsync(byHeader));
        Assert.Equal(HttpStatusCode.NotFound, byQuery.StatusCode);
    }

    [Fact]
    public async Task Echo_describes_the_request_and_the_matched_route()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{status_code: 200, echo: true}"));

        var body = await Echo.ReadAsync(await host.Client.GetAsync("/orders/7?x=1"));

        Assert.Equal("/orders/7", body["request"]!["path"]!.GetValue<string>());
        Assert.Equal("1", body["request"]!["query"]!["x"]!.GetValue<string>());
        Assert.Equal("orders-route", body["matched_route"]!["name"]!.GetValue<string>());
    }
}
