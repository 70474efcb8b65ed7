using System.Net;
using System.Net.Http.Json;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class AuthenticatingWithKeyAuth
{
    private static string Config(string pluginConfig = "{}") => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
            plugins:
            - name: key-auth
              config: {{pluginConfig}}
        consumers:
        - username: alice
          custom_id: alice-42
          keyauth_credentials: [{key: alice-key}]
        - username: guest
        """;

    [Fact]
    public async Task A_request_without_a_key_gets_401_with_kongs_message_and_challenge()
    {
        await using var host = await PluginTestHost.StartAsync(Config());

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("No API key found in request", await Echo.MessageAsync(response));
        Assert.Equal("Key", Echo.Single(response, "WWW-Authenticate"));
        Assert.Equal(0, host.UpstreamCalls);
    }

    [Fact]
    public async Task An_unknown_key_gets_401_invalid_credentials()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{realm: orders}"));

        var response = await host.Client.GetAsync("/orders?apikey=nope");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid authentication credentials", await Echo.MessageAsync(response));
        Assert.Equal("Key realm=\"orders\"", Echo.Single(response, "WWW-Authenticate"));
    }

    [Fact]
    public async Task A_valid_key_in_a_header_sends_the_consumer_headers_upstream()
    {
        await using var host = await PluginTestHost.StartAsync(Config());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("apikey", "alice-key");

        var echo = await Echo.ReadAsync(await host.Client.SendAsync(request));

        var alice = host.Plugins.Consumers.Find("alice")!;
        Assert.Equal(alice.Id.ToString(), Echo.Header(echo, "X-Consumer-ID"));
        Assert.Equal("alice", Echo.Header(echo, "X-Consumer-Username"));
        Assert.Equal("alice-42", Echo.Header(echo, "X-Consumer-Custom-ID"));
        Assert.Equal(host.Plugins.Consumers.KeyAuth["alice-key"].Id.ToString(), Echo.Header(echo, "X-Credential-Identifier"));
        Assert.Equal("alice-key", Echo.Header(echo, "apikey"));
    }

    [Fact]
    public async Task Hide_credentials_strips_the_key_from_the_query_and_headers()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{hide_credentials: true}"));

        var echo = await Echo.ReadAsync(await host.Client.GetAsync("/orders?apikey=alice-key&page=2"));

        Assert.Equal("?page=2", echo["query"]!.GetValue<string>());
        Assert.Equal("alice", Echo.Header(echo, "X-Consumer-Username"));
    }

    [Fact]
    public async Task A_key_in_a_json_body_is_found_when_key_in_body_is_on_and_hidden_from_the_upstream()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{key_in_body: true, hide_credentials: true, key_names: [token]}"));

        var response = await host.Client.PostAsJsonAsync("/orders", new { token = "alice-key", item = "book" });

        var echo = await Echo.ReadAsync(response);
        Assert.Equal("alice", Echo.Header(echo, "X-Consumer-Username"));
        Assert.Equal("{\"item\":\"book\"}", echo["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_key_name_twice_is_a_duplicate()
    {
        await using var host = await PluginTestHost.StartAsync(Config());

        var response = await host.Client.GetAsync("/orders?apikey=alice-key&apikey=other");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Duplicate API key found", await Echo.MessageAsync(response));
    }

    [Fact]
    public async Task With_anonymous_a_failed_request_continues_as_the_anonymous_consumer()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{anonymous: guest}"));

        var echo = await Echo.ReadAsync(await host.Client.GetAsync("/orders"));

        Assert.Equal("guest", Echo.Header(echo, "X-Consumer-Username"));
        Assert.Equal("true", Echo.Header(echo, "X-Anonymous-Consumer"));
        Assert.True(host.LastConsumer!.IsAnonymous);
    }

    [Fact]
    public async Task An_anonymous_consumer_that_does_not_exist_is_a_500()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{anonymous: nobody}"));

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("anonymous consumer nobody is configured but doesn't exist", await Echo.MessageAsync(response));
    }

    [Fact]
    public async Task Preflight_requests_pass_unauthenticated_when_run_on_preflight_is_off()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{run_on_preflight: false}"));

        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/orders"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Error_bodies_carry_the_request_id_the_host_gave()
    {
        await using var host = await PluginTestHost.StartAsync(Config());

        var body = await Echo.ReadAsync(await host.Client.GetAsync("/orders"));

        Assert.Equal("test-request-id", body["request_id"]!.GetValue<string>());
    }
}
