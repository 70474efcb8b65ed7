namespace KonnectES.Server.Tests.Portal;

public sealed class ManagingPlugins(PortalServer server) : IClassFixture<PortalServer>
{
    private const string CreatePlugin = """
        mutation($cp: ID!, $name: String!, $config: JSON, $s: ID, $r: ID, $c: ID, $g: ID) {
          createPlugin(input: {controlPlaneId: $cp, name: $name, config: $config, serviceId: $s, routeId: $r, consumerId: $c, consumerGroupId: $g, reason: "scope test"}) {
            plugin { id name enabled config service { name } route { name } consumer { username } consumerGroup { name } }
            version errors { code message field }
          }
        }
        """;

    [Fact]
    public async Task A_global_plugin_is_created_reconfigured_disabled_and_deleted_and_each_change_is_audited()
    {
        // Given a control plane
        var cp = await server.Host.CreateControlPlaneAsync("plugins-global");

        // When a global rate-limiting plugin is created
        var created = await server.Admin.OkAsync("createPlugin", CreatePlugin, new { cp, name = "rate-limiting", config = new { minute = 5 } });

        // Then it carries its config with Kong's defaults filled in, no scope, and is audited
        var id = created.Str("plugin.id")!;
        Assert.Equal(5, created.Int("plugin.config.minute"));
        Assert.Equal("local", created.Str("plugin.config.policy"));
        Assert.True(created.At("plugin.enabled").GetBoolean());
        Assert.True(created.IsNull("plugin.service") && created.IsNull("plugin.route") && created.IsNull("plugin.consumer") && created.IsNull("plugin.consumerGroup"));
        var global = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { plugins(scope: {global: true}) { totalCount edges { node { id } } } } }", new { cp });
        Assert.Equal(id, global.Str("controlPlane.plugins.edges.0.node.id"));
        var createdEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("PluginCreated", "PLUGIN", id, "admin", "scope test"),
            (createdEvent.Str("type"), createdEvent.Str("entityType"), createdEvent.Str("entityId"), createdEvent.Str("actor"), createdEvent.Str("reason")));

        // When its limit is raised and it is disabled
        var updated = await server.Admin.OkAsync("updatePlugin",
            "mutation($cp: ID!, $id: ID!, $config: JSON) { updatePlugin(input: {controlPlaneId: $cp, id: $id, config: $config, enabled: false, reason: \"raise\"}) { plugin { enabled config } version errors { code } } }",
            new { cp, id, config = new { minute = 50, hour = 1000 } });

        // Then the new config is stored, as the next version
        Assert.False(updated.At("plugin.enabled").GetBoolean());
        Assert.Equal((50, 1000), (updated.Int("plugin.config.minute"), updated.Int("plugin.config.hour")));
        Assert.Equal(created.Int("version") + 1, updated.Int("version"));
        Assert.False((await server.Host.NodeAsync(id, "... on Plugin { enabled }")).At("enabled").GetBoolean());
        var updatedEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("PluginUpdated", "raise"), (updatedEvent.Str("type"), updatedEvent.Str("reason")));

        // When it is deleted
        var deleted = await server.Admin.OkAsync("deletePlugin",
            "mutation($cp: ID!, $id: ID!) { deletePlugin(input: {controlPlaneId: $cp, id: $id}) { deletedId version errors { code } } }", new { cp, id });

        // Then no read finds it any more
        Assert.Equal(id, deleted.Str("deletedId"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await server.Host.NodeAsync(id, "")).ValueKind);
        var after = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { plugins { totalCount } } }", new { cp });
        Assert.Equal(0, after.Int("controlPlane.plugins.totalCount"));
        Assert.Equal(("PluginDeleted", id), ((await server.Host.LatestEventAsync(cp)).Str("type"), (await server.Host.LatestEventAsync(cp)).Str("entityId")));
    }

    [Fact]
    public async Task Plugins_scoped_to_a_service_a_route_a_consumer_and_a_consumer_group_are_found_through_their_scope()
    {
        // Given a service with a route, a consumer and a consumer group
        var cp = await server.Host.CreateControlPlaneAsync("plugins-scoped");
        var service = (await server.Admin.OkAsync("createService", "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"svc\", host: \"svc.internal\"}) { service { id } errors { code } } }", new { cp })).Str("service.id");
        var route = (await server.Admin.OkAsync("createRoute", "mutation($cp: ID!, $s: ID!) { createRoute(input: {controlPlaneId: $cp, name: \"rt\", serviceId: $s, paths: [\"/svc\"]}) { route { id } errors { code } } }", new { cp, s = service })).Str("route.id");
        var consumer = (await server.Admin.OkAsync("createConsumer", "mutation($cp: ID!) { createConsumer(input: {controlPlaneId: $cp, username: \"carol\"}) { consumer { id } errors { code } } }", new { cp })).Str("consumer.id");
        var group = (await server.Admin.OkAsync("createConsumerGroup", "mutation($cp: ID!) { createConsumerGroup(input: {controlPlaneId: $cp, name: \"gold\"}) { consumerGroup { id } errors { code } } }", new { cp })).Str("consumerGroup.id");

        // When a plugin is created in each scope (and one globally)
        var onService = await server.Admin.OkAsync("createPlugin", CreatePlugin, new { cp, name = "rate-limiting", config = new { minute = 1 }, s = service });
        var onRoute = await server.Admin.OkAsync("createPlugin", CreatePlugin, new { cp, name = "key-auth", r = route });
        var onConsumer = await server.Admin.OkAsync("createPlugin", CreatePlugin, new { cp, name = "rate-limiting", config = new { minute = 2 }, c = consumer });
        var onGroup = await server.Admin.OkAsync("createPlugin", CreatePlugin, new { cp, name = "rate-limiting", config = new { minute = 3 }, g = group });
        var onNothing = await server.Admin.OkAsync("createPlugin", CreatePlugin, new { cp, name = "cors" });

        // Then each names its scope
        Assert.Equal("svc", onService.Str("plugin.service.name"));
        Assert.Equal("rt", onRoute.Str("plugin.route.name"));
        Assert.Equal("carol", onConsumer.Str("plugin.consumer.username"));
        Assert.Equal("gold", onGroup.Str("plugin.consumerGroup.name"));
        Assert.Equal(PluginScopes.Global, PluginScopes.Of(onNothing));

        // And the scope filters and the scoped entities' plugin lists find exactly them
        var read = await server.Admin.DataAsync("""
            query($cp: ID, $s: ID, $r: ID, $c: ID, $g: ID) { controlPlane(id: $cp) {
              byService: plugins(scope: {serviceId: $s}) { edges { node { id } } }
              byRoute: plugins(scope: {routeId: $r}) { edges { node { id } } }
              byConsumer: plugins(scope: {consumerId: $c}) { edges { node { id } } }
              byGroup: plugins(scope: {consumerGroupId: $g}) { edges { node { id } } }
              global: plugins(scope: {global: true}) { edges { node { id } } }
              scoped: plugins(scope: {global: false}) { totalCount }
              byName: plugins(name: "rate-limiting") { totalCount }
              service(id: $s) { plugins { id } routes { edges { node { plugins { id } } } } }
              consumer(id: $c) { plugins { id } }
            } }
            """, new { cp, s = service, r = route, c = consumer, g = group });
        Assert.Equal(onService.Str("plugin.id"), read.Str("controlPlane.byService.edges.0.node.id"));
        Assert.Equal(onRoute.Str("plugin.id"), read.Str("controlPlane.byRoute.edges.0.node.id"));
        Assert.Equal(onConsumer.Str("plugin.id"), read.Str("controlPlane.byConsumer.edges.0.node.id"));
        Assert.Equal(onGroup.Str("plugin.id"), read.Str("controlPlane.byGroup.edges.0.node.id"));
        Assert.Equal(onNothing.Str("plugin.id"), read.Str("controlPlane.global.edges.0.node.id"));
        Assert.Equal(1, read.At("controlPlane.global.edges").GetArrayLength());
        Assert.Equal(4, read.Int("controlPlane.scoped.totalCount"));
        Assert.Equal(3, read.Int("controlPlane.byName.totalCount"));
        Assert.Equal(onService.Str("plugin.id"), read.Str("controlPlane.service.plugins.0.id"));
        Assert.Equal(onRoute.Str("plugin.id"), read.Str("controlPlane.service.routes.edges.0.node.plugins.0.id"));
        Assert.Equal(onConsumer.Str("plugin.id"), read.Str("controlPlane.consumer.plugins.0.id"));
        var latest = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("PluginCreated", onNothing.Str("plugin.id"), "admin"), (latest.Str("type"), latest.Str("entityId"), latest.Str("actor")));
    }

    [Fact]
    public async Task Invalid_plugins_are_refused_with_the_field_path_that_is_wrong()
    {
        // Given a consumer
        var cp = await server.Host.CreateControlPlaneAsync("plugins-invalid");
        var consumer = (await server.Admin.OkAsync("createConsumer", "mutation($cp: ID!) { createConsumer(input: {controlPlaneId: $cp, username: \"dave\"}) { consumer { id } errors { code } } }", new { cp })).Str("consumer.id");
        await server.Admin.OkAsync("createPlugin", CreatePlugin, new { cp, name = "rate-limiting", config = new { minute = 5 } });
        var version = (await server.Host.LatestEventAsync(cp)).Int("version");

        // When an unknown plugin, a negative limit, key-auth on a consumer, a second global rate-limiting and a
        // plugin on a missing service are sent
        var unknown = await server.Admin.UserErrorAsync("createPlugin", CreatePlugin, new { cp, name = "no-such-plugin" });
        var negative = await server.Admin.UserErrorAsync("createPlugin", CreatePlugin, new { cp, name = "rate-limiting", config = new { minute = -1 }, c = consumer });
        var wrongScope = await server.Admin.UserErrorAsync("createPlugin", CreatePlugin, new { cp, name = "key-auth", c = consumer });
        var duplicate = await server.Admin.UserErrorAsync("createPlugin", CreatePlugin, new { cp, name = "rate-limiting", config = new { minute = 9 } });
        var missingService = await server.Admin.UserErrorAsync("createPlugin", CreatePlugin, new { cp, name = "cors", s = Guid.NewGuid() });

        // Then each is refused with its code and field path, and nothing was written
        UserErrors.AssertIs(unknown, "VALIDATION", "name");
        UserErrors.AssertIs(negative, "VALIDATION", "config", "minute");
        UserErrors.AssertIs(wrongScope, "VALIDATION", "consumer");
        Assert.Equal("CONFLICT", duplicate.Str("code"));
        Assert.Equal("NOT_FOUND", missingService.Str("code"));
        Assert.Equal(version, (await server.Host.LatestEventAsync(cp)).Int("version"));
    }
}
