namespace KonnectES.Server.Tests.Portal;

public sealed class ManagingServicesAndRoutes(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task A_service_is_updated_field_by_field_and_deleted_and_each_change_is_audited()
    {
        // Given a service
        var cp = await server.Host.CreateControlPlaneAsync("services-crud");
        var created = await server.Admin.OkAsync("createService",
            "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"billing\", url: \"http://billing.internal:8080/v1\", tags: [\"team-a\"]}) { service { id } version errors { code } } }",
            new { cp });
        var id = created.Str("service.id")!;

        // When its url and retries change
        var updated = await server.Admin.OkAsync("updateService",
            "mutation($cp: ID!, $id: ID!) { updateService(input: {controlPlaneId: $cp, id: $id, url: \"https://billing.internal/v2\", retries: 2, reason: \"tls\"}) { service { name protocol host port path retries tags } version errors { code } } }",
            new { cp, id });
        var updatedEvent = await server.Host.LatestEventAsync(cp);

        // Then the named fields change and the others are kept
        Assert.Equal(("billing", "https", "billing.internal", 443, "/v2", 2),
            (updated.Str("service.name"), updated.Str("service.protocol"), updated.Str("service.host"), updated.Int("service.port"), updated.Str("service.path"), updated.Int("service.retries")));
        Assert.Equal(["team-a"], updated.Strings("service.tags"));
        Assert.Equal(created.Int("version") + 1, updated.Int("version"));
        Assert.Equal("billing.internal", (await server.Host.NodeAsync(id, "... on Service { host }")).Str("host"));
        Assert.Equal(("ServiceUpdated", "SERVICE", id, "admin", "tls"),
            (updatedEvent.Str("type"), updatedEvent.Str("entityType"), updatedEvent.Str("entityId"), updatedEvent.Str("actor"), updatedEvent.Str("reason")));

        // When it is deleted
        var deleted = await server.Admin.OkAsync("deleteService",
            "mutation($cp: ID!, $id: ID!) { deleteService(input: {controlPlaneId: $cp, id: $id, reason: \"gone\"}) { deletedId version errors { code } } }", new { cp, id });

        // Then it is gone
        Assert.Equal(id, deleted.Str("deletedId"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await server.Host.NodeAsync(id, "")).ValueKind);
        var after = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { service(name: \"billing\") { id } services { totalCount } } }", new { cp });
        Assert.True(after.IsNull("controlPlane.service"));
        Assert.Equal(0, after.Int("controlPlane.services.totalCount"));
        var deletedEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("ServiceDeleted", id, "gone"), (deletedEvent.Str("type"), deletedEvent.Str("entityId"), deletedEvent.Str("reason")));
    }

    [Fact]
    public async Task A_route_is_updated_and_deleted_by_an_editor_and_the_history_names_the_editor()
    {
        // Given a service with a route, and an editor
        var cp = await server.Host.CreateControlPlaneAsync("routes-crud");
        var editor = server.Admin.As(await server.Host.TokenAsync("routes-editor", "EDITOR", cp));
        var service = (await editor.OkAsync("createService", "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"s\", host: \"s.internal\"}) { service { id } errors { code } } }", new { cp })).Str("service.id");
        var id = (await editor.OkAsync("createRoute",
            "mutation($cp: ID!, $s: ID!) { createRoute(input: {controlPlaneId: $cp, name: \"r\", serviceId: $s, paths: [\"/a\"]}) { route { id } errors { code } } }", new { cp, s = service })).Str("route.id")!;

        // When its paths, methods and strip_path change
        var updated = await editor.OkAsync("updateRoute",
            "mutation($cp: ID!, $id: ID!) { updateRoute(input: {controlPlaneId: $cp, id: $id, paths: [\"/b\", \"~/c/[0-9]+$\"], methods: [\"GET\"], stripPath: false, reason: \"v2\"}) { route { name paths methods stripPath service { name } } version errors { code } } }",
            new { cp, id });
        var updatedEvent = await server.Host.LatestEventAsync(cp);

        // Then the route reads back changed, still on its service
        Assert.Equal(["/b", "~/c/[0-9]+$"], updated.Strings("route.paths"));
        Assert.Equal(["GET"], updated.Strings("route.methods"));
        Assert.False(updated.At("route.stripPath").GetBoolean());
        Assert.Equal(("r", "s"), (updated.Str("route.name"), updated.Str("route.service.name")));
        Assert.Equal(["/b", "~/c/[0-9]+$"], (await server.Host.NodeAsync(id, "... on Route { paths }")).Strings("paths"));
        Assert.Equal(("RouteUpdated", "ROUTE", id, "routes-editor", "v2"),
            (updatedEvent.Str("type"), updatedEvent.Str("entityType"), updatedEvent.Str("entityId"), updatedEvent.Str("actor"), updatedEvent.Str("reason")));

        // When it is deleted
        var deleted = await editor.OkAsync("deleteRoute",
            "mutation($cp: ID!, $id: ID!) { deleteRoute(input: {controlPlaneId: $cp, id: $id}) { deletedId version errors { code } } }", new { cp, id });

        // Then its service has no routes left
        Assert.Equal(id, deleted.Str("deletedId"));
        var after = await server.Admin.DataAsync("query($cp: ID, $s: ID) { controlPlane(id: $cp) { service(id: $s) { routes { totalCount } } routes { totalCount } } }", new { cp, s = service });
        Assert.Equal((0, 0), (after.Int("controlPlane.service.routes.totalCount"), after.Int("controlPlane.routes.totalCount")));
        var deletedEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("RouteDeleted", "routes-editor"), (deletedEvent.Str("type"), deletedEvent.Str("actor")));
    }

    [Fact]
    public async Task Services_are_filtered_by_tags_and_name_and_routes_by_tags_and_service()
    {
        // Given two services with two and one routes, tagged
        var cp = await server.Host.CreateControlPlaneAsync("services-filter");
        var orders = (await server.Admin.OkAsync("createService", "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"orders\", host: \"o\", tags: [\"shop\", \"eu\"]}) { service { id } errors { code } } }", new { cp })).Str("service.id");
        var users = (await server.Admin.OkAsync("createService", "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"users\", host: \"u\", tags: [\"shop\"]}) { service { id } errors { code } } }", new { cp })).Str("service.id");
        foreach (var (service, path, tags) in new[] { (orders, "/o1", new[] { "public" }), (orders, "/o2", ["internal"]), (users, "/u1", ["public"]) })
        {
            await server.Admin.OkAsync("createRoute",
                "mutation($cp: ID!, $s: ID!, $p: String!, $t: [String!]) { createRoute(input: {controlPlaneId: $cp, serviceId: $s, paths: [$p], tags: $t}) { route { id } errors { code } } }",
                new { cp, s = service, p = path, t = tags });
        }

        // When they are listed with filters
        var read = await server.Admin.DataAsync("""
            query($cp: ID, $s: ID) { controlPlane(id: $cp) {
              shop: services(tags: ["shop"]) { totalCount }
              eu: services(tags: ["shop", "eu"]) { totalCount edges { node { name } } }
              named: services(name: "users") { totalCount edges { node { id } } }
              unnamed: services(name: "nobody") { totalCount }
              public: routes(tags: ["public"]) { totalCount }
              ofOrders: routes(serviceId: $s) { totalCount edges { node { paths } } }
              ordersPage: routes(serviceId: $s, first: 1) { edges { node { paths } } pageInfo { hasNextPage } }
            } }
            """, new { cp, s = orders });

        // Then each filter keeps exactly the matching ones
        Assert.Equal(2, read.Int("controlPlane.shop.totalCount"));
        Assert.Equal((1, "orders"), (read.Int("controlPlane.eu.totalCount"), read.Str("controlPlane.eu.edges.0.node.name")));
        Assert.Equal((1, users), (read.Int("controlPlane.named.totalCount"), read.Str("controlPlane.named.edges.0.node.id")));
        Assert.Equal(0, read.Int("controlPlane.unnamed.totalCount"));
        Assert.Equal(2, read.Int("controlPlane.public.totalCount"));
        Assert.Equal(2, read.Int("controlPlane.ofOrders.totalCount"));
        Assert.Equal(["/o1", "/o2"], read.At("controlPlane.ofOrders.edges").EnumerateArray().Select(e => e.Strings("node.paths")[0]).Order());
        Assert.True(read.At("controlPlane.ordersPage.pageInfo.hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_version_conflict_and_the_current_one_is_accepted()
    {
        // Given a service at some version
        var cp = await server.Host.CreateControlPlaneAsync("services-versions");
        var created = await server.Admin.OkAsync("createService",
            "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"v\", host: \"v\"}) { service { id } version errors { code } } }", new { cp });
        var (id, version) = (created.Str("service.id"), created.Int("version"));

        // When an update and a delete name the version before, and an update names the current one
        var staleUpdate = await server.Admin.UserErrorAsync("updateService",
            "mutation($cp: ID!, $id: ID!, $v: Int) { updateService(input: {controlPlaneId: $cp, id: $id, host: \"w\", expectedVersion: $v}) { service { host } errors { code message field } } }",
            new { cp, id, v = version - 1 });
        var staleDelete = await server.Admin.UserErrorAsync("deleteService",
            "mutation($cp: ID!, $id: ID!, $v: Int) { deleteService(input: {controlPlaneId: $cp, id: $id, expectedVersion: $v}) { deletedId errors { code message field } } }",
            new { cp, id, v = version - 1 });
        var current = await server.Admin.OkAsync("updateService",
            "mutation($cp: ID!, $id: ID!, $v: Int) { updateService(input: {controlPlaneId: $cp, id: $id, host: \"w\", expectedVersion: $v}) { service { host } version errors { code } } }",
            new { cp, id, v = version });

        // Then the stale ones are refused without effect, and the current one applies
        UserErrors.AssertIs(staleUpdate, "VERSION_CONFLICT", "expectedVersion");
        UserErrors.AssertIs(staleDelete, "VERSION_CONFLICT", "expectedVersion");
        Assert.Equal(("w", version + 1), (current.Str("service.host"), current.Int("version")));
        Assert.Equal(version + 1, (await server.Host.LatestEventAsync(cp)).Int("version"));
    }

    [Fact]
    public async Task Invalid_and_missing_services_and_routes_are_user_errors_with_their_field_paths()
    {
        // Given a service
        var cp = await server.Host.CreateControlPlaneAsync("services-invalid");
        var service = (await server.Admin.OkAsync("createService", "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"x\", host: \"x\"}) { service { id } errors { code } } }", new { cp })).Str("service.id");
        var version = (await server.Host.LatestEventAsync(cp)).Int("version");

        // When invalid values, a duplicate name and missing ids are sent
        var badUrl = await server.Admin.UserErrorAsync("createService", "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, url: \"not a url\"}) { service { id } errors { code message field } } }", new { cp });
        var badPort = await server.Admin.UserErrorAsync("updateService", "mutation($cp: ID!, $id: ID!) { updateService(input: {controlPlaneId: $cp, id: $id, port: 70000}) { service { id } errors { code message field } } }", new { cp, id = service });
        var sameName = await server.Admin.UserErrorAsync("createService", "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"x\", host: \"y\"}) { service { id } errors { code message field } } }", new { cp });
        var badPath = await server.Admin.UserErrorAsync("createRoute", "mutation($cp: ID!, $s: ID!) { createRoute(input: {controlPlaneId: $cp, serviceId: $s, paths: [\"/ok\", \"nope\"]}) { route { id } errors { code message field } } }", new { cp, s = service });
        var noService = await server.Admin.UserErrorAsync("createRoute", "mutation($cp: ID!, $s: ID!) { createRoute(input: {controlPlaneId: $cp, serviceId: $s, paths: [\"/ok\"]}) { route { id } errors { code message field } } }", new { cp, s = Guid.NewGuid() });
        var deleteMissing = await server.Admin.UserErrorAsync("deleteRoute", "mutation($cp: ID!, $id: ID!) { deleteRoute(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message field } } }", new { cp, id = Guid.NewGuid() });
        var deleteWrongKind = await server.Admin.UserErrorAsync("deleteRoute", "mutation($cp: ID!, $id: ID!) { deleteRoute(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message field } } }", new { cp, id = service });

        // Then each names its code and field path, and the configuration did not move
        UserErrors.AssertIs(badUrl, "VALIDATION", "url");
        UserErrors.AssertIs(badPort, "VALIDATION", "port");
        UserErrors.AssertIs(sameName, "CONFLICT", "name");
        UserErrors.AssertIs(badPath, "VALIDATION", "paths", "1");
        Assert.Equal("NOT_FOUND", noService.Str("code"));
        UserErrors.AssertIs(deleteMissing, "NOT_FOUND", "id");
        UserErrors.AssertIs(deleteWrongKind, "NOT_FOUND", "id");
        Assert.Equal(version, (await server.Host.LatestEventAsync(cp)).Int("version"));
    }
}
