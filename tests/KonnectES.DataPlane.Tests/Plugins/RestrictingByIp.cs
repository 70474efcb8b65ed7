using System.Net;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class RestrictingByIp
{
    private static string Config(string restriction) => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        plugins:
        - name: ip-restriction
          config: {{restriction}}
        """;

    [Fact]
    public async Task A_denied_address_gets_403_naming_it()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{deny: [127.0.0.0/8]}"));

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("IP address not allowed: 127.0.0.1", await Echo.MessageAsync(response));
        Assert.Equal(0, host.UpstreamCalls);
    }

    [Fact]
    public async Task An_address_outside_the_allow_list_gets_the_configured_status_and_message()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allow: [10.0.0.0/8, 192.168.1.7], status: 401, message: internal only}"));

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("internal only", await Echo.MessageAsync(response));
    }

    [Fact]
    public async Task An_allowed_address_passes()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allow: [127.0.0.1]}"));

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Deny_is_checked_before_allow()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allow: [127.0.0.0/8], deny: [127.0.0.1]}"));

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
