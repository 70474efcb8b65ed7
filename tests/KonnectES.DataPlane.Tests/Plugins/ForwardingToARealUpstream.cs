using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class ForwardingToARealUpstream
{
    private const string Config = """
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
          - name: cached-route
            paths: [/cached]
            plugins:
            - name: proxy-cache
              config: {strategy: memory}
        consumers:
        - username: alice
          keyauth_credentials: [{key: alice-key}]
        plugins:
        - name: key-auth
          config: {hide_credentials: true}
        - name: request-transformer
          config: {add: {headers: ['x-added:yes']}}
        - name: response-transformer
          config: {add: {headers: ['x-gateway:konnectes'], json: ['gateway:konnectes']}}
        - name: cors
        """;

    [Fact]
    public async Task The_upstream_receives_the_transformed_request_and_the_client_the_transformed_response()
    {
        await using var upstream = await KestrelUpstream.StartAsync();
        await using var host = await PluginTestHost.StartAsync(Config, upstream.ForwardAsync);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/7?apikey=alice-key&x=1");
        request.Headers.Add("Origin", "https://shop.example");

        var response = await host.Client.SendAsync(request);

        var echo = await Echo.ReadAsync(response);
        Assert.Equal("/orders/7", echo["path"]!.GetValue<string>());
        Assert.Equal("?x=1", echo["query"]!.GetValue<string>());
        Assert.Equal("yes", Echo.Header(echo, "x-added"));
        Assert.Equal("alice", Echo.Header(echo, "X-Consumer-Username"));
        Assert.Equal("konnectes", echo["gateway"]!.GetValue<string>());
        Assert.Equal("konnectes", Echo.Single(response, "x-gateway"));
        Assert.Equal("*", Echo.Single(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_streamed_upstream_response_gets_the_header_filters()
    {
        await using var upstream = await KestrelUpstream.StartAsync(async context =>
        {
            context.Response.ContentType = "text/plain";
            for (var i = 0; i < 3; i++)
            {
                await context.Response.WriteAsync("chunk " + i + "\n");
                await context.Response.Body.FlushAsync();
            }
        });
        await using var host = await PluginTestHost.StartAsync(Config, upstream.ForwardAsync);

        var response = await host.Client.GetAsync("/orders?apikey=alice-key");

        Assert.Equal("chunk 0\nchunk 1\nchunk 2\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("konnectes", Echo.Single(response, "x-gateway"));
    }

    [Fact]
    public async Task A_cached_response_is_served_without_a_second_upstream_call()
    {
        await using var upstream = await KestrelUpstream.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["at"] = Guid.NewGuid().ToString() }.ToJsonString());
        });
        await using var host = await PluginTestHost.StartAsync(Config, upstream.ForwardAsync);

        var first = await host.Client.GetAsync("/cached?apikey=alice-key");
        var second = await host.Client.GetAsync("/cached?apikey=alice-key");

        Assert.Equal("Miss", Echo.Single(first, "X-Cache-Status"));
        Assert.Equal("Hit", Echo.Single(second, "X-Cache-Status"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, host.UpstreamCalls);
    }
}
