using System.Net;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class RestrictingWithAcl
{
    private static string Config(string acl) => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
            plugins:
            - name: acl
              config: {{acl}}
          - name: open-route
            paths: [/open]
            plugins:
            - name: acl
              config: {allow: [admins]}
        consumer_groups:
        - name: partners
        consumers:
        - username: alice
          keyauth_credentials: [{key: alice-key}]
          acls: [{group: admins}, {group: staff}]
        - username: bob
          keyauth_credentials: [{key: bob-key}]
          acls: [{group: staff}]
        - username: carol
          keyauth_credentials: [{key: carol-key}]
          groups: [{name: partners}]
        plugins:
        - name: key-auth
          route: orders-route
        """;

    [Fact]
    public async Task An_allowed_group_passes_and_its_groups_are_sent_upstream()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allow: [admins]}"));

        var echo = await Echo.ReadAsync(await host.Client.GetAsync("/orders?apikey=alice-key"));

        Assert.Equal(["admins", "staff"], Echo.Header(echo, "X-Consumer-Groups")!.Split(", ").Order());
    }

    [Fact]
    public async Task A_consumer_outside_the_allowed_groups_gets_403()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allow: [admins]}"));

        var response = await host.Client.GetAsync("/orders?apikey=bob-key");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You cannot consume this service", await Echo.MessageAsync(response));
    }

    [Fact]
    public async Task A_denied_group_gets_403_and_others_pass_without_the_groups_header_when_hidden()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{deny: [admins], hide_groups_header: true}"));

        var alice = await host.Client.GetAsync("/orders?apikey=alice-key");
        var bob = await Echo.ReadAsync(await host.Client.GetAsync("/orders?apikey=bob-key"));

        Assert.Equal(HttpStatusCode.Forbidden, alice.StatusCode);
        Assert.Null(Echo.Header(bob, "X-Consumer-Groups"));
    }

    [Fact]
    public async Task Consumer_groups_count_as_acl_groups_with_include_consumer_groups()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allow: [partners], include_consumer_groups: true}"));

        var response = await host.Client.GetAsync("/orders?apikey=carol-key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_authenticated_consumer_acl_answers_401()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{allow: [admins]}"));

        var response = await host.Client.GetAsync("/open");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await Echo.MessageAsync(response));
    }
}
