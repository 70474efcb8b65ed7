using System.Net;
using System.Text.Json;

namespace KonnectES.DataPlane.Tests.Proxy;

public sealed class SwappingConfigurations
{
    [Fact]
    public async Task Before_any_snapshot_every_request_gets_Kongs_404()
    {
        // Given
        await using var proxy = await ProxyTestHost.StartAsync();

        // When
        using var response = await proxy.Client.GetAsync(new Uri("/anything", UriKind.Relative));

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no Route matched with those values", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Equal("kong/3.10.0", response.Headers.Server.ToString());
        Assert.Null(proxy.Holder.Current.Version);
    }

    [Fact]
    public async Task A_snapshot_with_an_unsupported_plugin_is_refused_and_the_previous_configuration_keeps_serving()
    {
        // Given a served configuration
        await using var upstream = await EchoServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync();
        var port = upstream.Port;
        var applied = await proxy.ApplyAsync($"""
            _format_version: "3.0"
            services:
            - name: echo
              url: http://127.0.0.1:{port}/v1
              routes:
              - name: echo
                paths: ["/echo"]
            """);
        var served = proxy.Holder.Current;

        // When a snapshot uses a plugin this data plane does not implement
        var refused = await proxy.ApplyAsync($"""
            _format_version: "3.0"
            services:
            - name: echo
              url: http://127.0.0.1:{port}/v2
              routes:
              - name: echo
                paths: ["/echo"]
              plugins:
              - name: http-log
                config:
                  http_endpoint: http://127.0.0.1:9/
            """);

        // Then it is refused with the reason, and the previous configuration is still the one served
        Assert.True(applied.IsSuccess);
        Assert.False(refused.IsSuccess);
        Assert.Contains("http-log", refused.Errors[0]);
        Assert.Same(served, proxy.Holder.Current);
        using var response = await proxy.Client.GetAsync(new Uri("/echo/x", UriKind.Relative));
        var echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/v1/x", echo.GetProperty("path").GetString());
    }
}
