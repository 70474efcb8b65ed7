using System.Net;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class FormattingGatewayErrors
{
    private const string Config = """
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        plugins:
        - name: key-auth
        """;

    [Fact]
    public async Task Without_an_accept_header_the_error_is_json_with_message_and_request_id()
    {
        await using var host = await PluginTestHost.StartAsync(Config);

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"message":"No API key found in request","request_id":"test-request-id"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("text/html", "text/html", "<p>No API key found in request.</p>")]
    [InlineData("application/xml", "application/xml", "<message>No API key found in request</message>")]
    [InlineData("text/plain", "text/plain", "No API key found in request\nrequest_id: test-request-id\n")]
    [InlineData("text/html;q=0.5, application/xml;q=0.9", "application/xml", "<requestid>test-request-id</requestid>")]
    [InlineData("image/png", "application/json", "\"message\":\"No API key found in request\"")]
    public async Task The_error_follows_the_clients_accept_header(string accept, string mediaType, string fragment)
    {
        await using var host = await PluginTestHost.StartAsync(Config);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(fragment, await response.Content.ReadAsStringAsync());
    }
}
