using System.Net;
using System.Text;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class LimitingRequestSizes
{
    private static string Config(string limits) => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        plugins:
        - name: request-size-limiting
          config: {{limits}}
        """;

    [Fact]
    public async Task A_body_over_the_allowed_size_gets_413()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allowed_payload_size: 1, size_unit: kilobytes}"));

        var tooBig = await host.Client.PostAsync("/orders", new ByteArrayContent(new byte[1025]));
        var fits = await host.Client.PostAsync("/orders", new ByteArrayContent(new byte[1024]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("Request size limit exceeded", await Echo.MessageAsync(tooBig));
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413_and_one_within_reaches_the_upstream_whole()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allowed_payload_size: 10, size_unit: bytes}"));

        var tooBig = await host.Client.PostAsync("/orders", new StreamContent(new MemoryStream(new byte[11])));
        var fits = await host.Client.PostAsync("/orders", new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("0123456789"))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("0123456789", (await Echo.ReadAsync(fits))["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_expecting_100_continue_gets_417()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allowed_payload_size: 10, size_unit: bytes}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = new ByteArrayContent(new byte[100]) };
        request.Headers.ExpectContinue = true;

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ExpectationFailed, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_content_length_gets_411_when_it_is_required()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{require_content_length: true}"));

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.LengthRequired, response.StatusCode);
        Assert.Equal("A valid Content-Length header is required", await Echo.MessageAsync(response));
    }
}
