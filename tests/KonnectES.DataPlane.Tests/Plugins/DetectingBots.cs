using System.Net;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class DetectingBots
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

    private static string Config(string detection) => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        plugins:
        - name: bot-detection
          config: {{detection}}
        """;

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Python-urllib/3.11")]
    [InlineData("facebookexternalhit/1.1")]
    public async Task Known_bots_get_403_forbidden(string agent)
    {
        await using var host = await PluginTestHost.StartAsync(Config("{}"));

        var response = await SendAsync(host, agent);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Forbidden", await Echo.MessageAsync(response));
    }

    [Fact]
    public async Task Browsers_pass()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{}"));

        var response = await SendAsync(host, Browser);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Allow_overrides_the_known_bots_and_deny_adds_to_them()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allow: ['Googlebot'], deny: ['Chrome/120']}"));

        var google = await SendAsync(host, "Mozilla/5.0 (compatible; Googlebot/2.1)");
        var chrome = await SendAsync(host, Browser);

        Assert.Equal(HttpStatusCode.OK, google.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, chrome.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(PluginTestHost host, string agent)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.TryAddWithoutValidation("User-Agent", agent);
        return host.Client.SendAsync(request);
    }
}
