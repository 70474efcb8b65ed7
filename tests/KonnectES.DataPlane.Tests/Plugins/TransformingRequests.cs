using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class TransformingRequests
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
        - name: request-transformer
          config: {{transformer}}
        """;

    [Fact]
    public async Task Headers_are_removed_renamed_replaced_added_and_appended_in_kongs_order()
    {
        await using var host = await PluginTestHost.StartAsync(Config("""
            {remove: {headers: [x-secret]}, rename: {headers: ["x-old:x-new"]}, replace: {headers: ["x-env:prod", "x-missing:never"]}, add: {headers: ["x-env:ignored", "x-added:yes"]}, append: {headers: ["x-list:two"]}}
            """));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("x-secret", "s");
        request.Headers.Add("x-old", "value");
        request.Headers.Add("x-env", "dev");
        request.Headers.Add("x-list", "one");

        var echo = await Echo.ReadAsync(await host.Client.SendAsync(request));

        Assert.Null(Echo.Header(echo, "x-secret"));
        Assert.Null(Echo.Header(echo, "x-old"));
        Assert.Equal("value", Echo.Header(echo, "x-new"));
        Assert.Equal("prod", Echo.Header(echo, "x-env"));
        Assert.Null(Echo.Header(echo, "x-missing"));
        Assert.Equal("yes", Echo.Header(echo, "x-added"));
        Assert.Equal("one,two", Echo.Header(echo, "x-list"));
    }

    [Fact]
    public async Task Renaming_onto_an_existing_header_replaces_its_value()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{rename: {headers: ['x-user:x-forwarded-user']}}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("x-user", "alice");
        request.Headers.Add("x-forwarded-user", "spoofed");

        var echo = await Echo.ReadAsync(await host.Client.SendAsync(request));

        Assert.Equal("alice", Echo.Header(echo, "x-forwarded-user"));
        Assert.Null(Echo.Header(echo, "x-user"));
    }

    [Fact]
    public async Task The_query_string_is_transformed_and_templates_read_the_request()
    {
        await using var host = await PluginTestHost.StartAsync(Config("""
            {remove: {querystring: [debug]}, rename: {querystring: ["q:search"]}, add: {querystring: ["tenant:$(headers.x-tenant)"]}}
            """));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders?q=book&debug=1");
        request.Headers.Add("x-tenant", "acme");

        var echo = await Echo.ReadAsync(await host.Client.SendAsync(request));

        Assert.Equal("?search=book&tenant=acme", echo["query"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_json_body_is_transformed()
    {
        await using var host = await PluginTestHost.StartAsync(Config("""
            {remove: {body: [password]}, rename: {body: ["name:full_name"]}, replace: {body: ["role:user"]}, add: {body: ["source:gateway"]}, append: {body: ["tags:new"]}}
            """));

        var echo = await Echo.ReadAsync(await host.Client.PostAsJsonAsync("/orders", new { name = "Alice", password = "x", role = "admin", tags = new[] { "old" } }));

        var body = JsonNode.Parse(echo["body"]!.GetValue<string>())!.AsObject();
        Assert.False(body.ContainsKey("password"));
        Assert.Equal("Alice", body["full_name"]!.GetValue<string>());
        Assert.Equal("user", body["role"]!.GetValue<string>());
        Assert.Equal("gateway", body["source"]!.GetValue<string>());
        Assert.Equal(["old", "new"], body["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task A_form_body_is_transformed()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{add: {body: ['source:gateway']}, remove: {body: [token]}}"));

        var response = await host.Client.PostAsync("/orders", new StringContent("item=book&token=t", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal("item=book&source=gateway", (await Echo.ReadAsync(response))["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_method_and_the_upstream_path_can_be_replaced()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{http_method: POST, replace: {uri: '/v2/$(headers.x-version)'}}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/1");
        request.Headers.Add("x-version", "beta");

        var echo = await Echo.ReadAsync(await host.Client.SendAsync(request));

        Assert.Equal("POST", echo["method"]!.GetValue<string>());
        Assert.Equal("/v2/beta", echo["path"]!.GetValue<string>());
    }
}
