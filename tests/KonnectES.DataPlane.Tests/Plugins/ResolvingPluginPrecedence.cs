using System.Net;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class ResolvingPluginPrecedence
{
    private const string Config = """
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          plugins:
          - name: request-transformer
            config: {add: {headers: ["x-scope:service"]}}
          routes:
          - name: orders-route
            paths: [/orders]
            plugins:
            - name: request-transformer
              config: {add: {headers: ["x-scope:route"]}}
          - name: orders-other
            paths: [/other]
        - name: billing
          url: http://billing.internal
          routes:
          - name: billing-route
            paths: [/billing]
        consumer_groups:
        - name: gold
          plugins:
          - name: request-transformer
            config: {add: {headers: ["x-scope:consumer-group"]}}
        - name: silver
          plugins:
          - name: request-transformer
            config: {add: {headers: ["x-scope:consumer-group-silver"]}}
        consumers:
        - username: alice
          keyauth_credentials: [{key: alice-key}]
          plugins:
          - name: request-transformer
            config: {add: {headers: ["x-scope:consumer"]}}
        - username: bob
          keyauth_credentials: [{key: bob-key}]
          groups: [{name: silver}, {name: gold}]
        - username: carol
          keyauth_credentials: [{key: carol-key}]
        plugins:
        - name: request-transformer
          config: {add: {headers: ["x-scope:global"]}}
        - name: key-auth
          config: {anonymous: carol}
        """;

    [Fact]
    public async Task A_route_scoped_instance_overrides_the_service_and_global_ones()
    {
        await using var host = await PluginTestHost.StartAsync(Config);

        var echo = await Echo.ReadAsync(await host.Client.GetAsync("/orders?apikey=carol-key"));

        Assert.Equal("route", Echo.Header(echo, "x-scope"));
    }

    [Fact]
    public async Task A_service_scoped_instance_overrides_the_global_one_on_the_services_other_routes()
    {
        await using var host = await PluginTestHost.StartAsync(Config);

        var echo = await Echo.ReadAsync(await host.Client.GetAsync("/other?apikey=carol-key"));

        Assert.Equal("service", Echo.Header(echo, "x-scope"));
    }

    [Fact]
    public async Task The_global_instance_runs_where_nothing_more_specific_exists()
    {
        await using var host = await PluginTestHost.StartAsync(Config);

        var echo = await Echo.ReadAsync(await host.Client.GetAsync("/billing?apikey=carol-key"));

        Assert.Equal("global", Echo.Header(echo, "x-scope"));
    }

    [Fact]
    public async Task A_consumer_scoped_instance_applies_once_the_consumer_authenticated()
    {
        await using var host = await PluginTestHost.StartAsync(Config);

        var asAlice = await Echo.ReadAsync(await host.Client.GetAsync("/billing?apikey=alice-key"));
        var asCarol = await Echo.ReadAsync(await host.Client.GetAsync("/billing?apikey=carol-key"));

        Assert.Equal("consumer", Echo.Header(asAlice, "x-scope"));
        Assert.Equal("global", Echo.Header(asCarol, "x-scope"));
    }

    [Fact]
    public async Task A_consumer_scoped_instance_is_more_specific_than_a_route_scoped_one()
    {
        await using var host = await PluginTestHost.StartAsync(Config);

        var echo = await Echo.ReadAsync(await host.Client.GetAsync("/orders?apikey=alice-key"));

        Assert.Equal("consumer", Echo.Header(echo, "x-scope"));
    }

    [Fact]
    public async Task A_consumer_group_instance_applies_to_its_members_and_the_first_group_by_name_wins()
    {
        await using var host = await PluginTestHost.StartAsync(Config);

        var echo = await Echo.ReadAsync(await host.Client.GetAsync("/billing?apikey=bob-key"));

        Assert.Equal("consumer-group", Echo.Header(echo, "x-scope"));
    }

    [Fact]
    public async Task A_consumer_group_instance_is_more_specific_than_a_route_or_a_service_one()
    {
        await using var host = await PluginTestHost.StartAsync(Config);

        var onRoute = await Echo.ReadAsync(await host.Client.GetAsync("/orders?apikey=bob-key"));
        var onService = await Echo.ReadAsync(await host.Client.GetAsync("/other?apikey=bob-key"));

        Assert.Equal("consumer-group", Echo.Header(onRoute, "x-scope"));
        Assert.Equal("consumer-group", Echo.Header(onService, "x-scope"));
    }

    [Fact]
    public async Task A_route_and_service_instance_beats_a_consumer_one_and_loses_to_consumer_route_and_service()
    {
        await using var host = await PluginTestHost.StartAsync("""
            _format_version: "3.0"
            services:
            - name: orders
              url: http://orders.internal
              routes:
              - name: orders-route
                paths: [/orders]
            consumers:
            - username: alice
              keyauth_credentials: [{key: alice-key}]
            - username: bob
              keyauth_credentials: [{key: bob-key}]
            plugins:
            - name: key-auth
            - name: request-transformer
              route: orders-route
              service: orders
              config: {add: {headers: ["x-scope:route+service"]}}
            - name: request-transformer
              consumer: alice
              config: {add: {headers: ["x-scope:consumer"]}}
            - name: request-transformer
              consumer: bob
              route: orders-route
              service: orders
              config: {add: {headers: ["x-scope:consumer+route+service"]}}
            """);

        var alice = await Echo.ReadAsync(await host.Client.GetAsync("/orders?apikey=alice-key"));
        var bob = await Echo.ReadAsync(await host.Client.GetAsync("/orders?apikey=bob-key"));

        Assert.Equal("route+service", Echo.Header(alice, "x-scope"));
        Assert.Equal("consumer+route+service", Echo.Header(bob, "x-scope"));
    }

    [Fact]
    public async Task The_pipeline_reports_the_authenticated_consumer_for_the_host()
    {
        await using var host = await PluginTestHost.StartAsync(Config);

        var response = await host.Client.GetAsync("/orders?apikey=alice-key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice", host.LastConsumer?.Consumer?.Username);
        Assert.Equal("key-auth", host.LastConsumer?.Credential?.Kind);
        Assert.False(host.LastConsumer!.IsAnonymous);
    }
}
