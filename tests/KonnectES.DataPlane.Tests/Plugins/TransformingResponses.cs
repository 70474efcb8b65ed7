using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class TransformingResponses
{
    private static string Config(string transformer) => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        plugins:
        - name: response-transformer
          config: {{transformer}}
        """;

    [Fact]
    public async Task Response_headers_are_transformed()
    {
        await using var host = await PluginTestHost.StartAsync(
            Config("{remove: {headers: [x-powered-by]}, rename: {headers: ['x-old:x-new']}, add: {headers: ['x-gateway:konnectes']}, append: {headers: ['x-list:b']}}"),
            upstream: async context =>
            {
                context.Response.Headers["x-powered-by"] = "php";
                context.Response.Headers["x-old"] = "1";
                context.Response.Headers["x-list"] = "a";
                await context.Response.WriteAsync("plain");
            });

        var response = await host.Client.GetAsync("/orders");

        Assert.Null(Echo.Single(response, "x-powered-by"));
        Assert.Equal("1", Echo.Single(response, "x-new"));
        Assert.Equal("konnectes", Echo.Single(response, "x-gateway"));
        Assert.Equal("a, b", Echo.Single(response, "x-list"));
        Assert.Equal("plain", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_json_body_is_transformed_with_typed_values_and_a_correct_length()
    {
        await using var host = await PluginTestHost.StartAsync(
            Config("{remove: {json: [internal]}, rename: {json: ['id:order_id']}, replace: {json: ['status:shipped']}, add: {json: ['count:3', 'gift:true'], json_types: [number, boolean]}, append: {json: ['tags:new']}}"),
            upstream: async context =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"id":7,"internal":"x","status":"new","tags":["a"]}""");
            });

        var response = await host.Client.GetAsync("/orders");
        var text = await response.Content.ReadAsStringAsync();

        var body = JsonNode.Parse(text)!.AsObject();
        Assert.False(body.ContainsKey("internal"));
        Assert.Equal(7, body["order_id"]!.GetValue<int>());
        Assert.Equal("shipped", body["status"]!.GetValue<string>());
        Assert.Equal(3, body["count"]!.GetValue<int>());
        Assert.True(body["gift"]!.GetValue<bool>());
        Assert.Equal(["a", "new"], body["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(text.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_left_alone()
    {
        await using var host = await PluginTestHost.StartAsync(
            Config("{add: {json: ['x:1']}}"),
            upstream: async context =>
            {
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("{\"looks\":\"like json\"}");
            });

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal("{\"looks\":\"like json\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_response_the_gateway_produced_is_transformed_too_when_the_transformer_ran_before_it()
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
            - name: response-transformer
              config: {add: {headers: ['x-gateway:konnectes'], json: ['maintenance:true'], json_types: [boolean]}}
            - name: request-termination
              config: {status_code: 503, message: back soon}
            """);

        var response = await host.Client.GetAsync("/orders");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("back soon", body["message"]!.GetValue<string>());
        Assert.True(body["maintenance"]!.GetValue<bool>());
        Assert.Equal("konnectes", Echo.Single(response, "x-gateway"));
    }

    [Fact]
    public async Task A_head_request_gets_the_transformed_headers_and_no_body()
    {
        await using var host = await PluginTestHost.StartAsync(
            Config("{add: {headers: ['x-gateway:konnectes'], json: ['x:1']}}"),
            upstream: context =>
            {
                context.Response.ContentType = "application/json";
                return Task.CompletedTask;
            });

        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/orders"));

        Assert.Equal("konnectes", Echo.Single(response, "x-gateway"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
