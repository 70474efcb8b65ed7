using System.Text.Json;

namespace KonnectES.Server.Tests.Portal;

public sealed class ManagingControlPlanes(PortalServer server) : IClassFixture<PortalServer>
{
    private const string Page = """
        query($first: Int, $after: String, $filter: ControlPlaneFilter) {
          controlPlanes(first: $first, after: $after, filter: $filter) {
            totalCount edges { cursor node { name labels } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Fact]
    public async Task An_admin_renames_relabels_and_deletes_a_control_plane()
    {
        // Given a control plane with labels
        var created = await server.Admin.OkAsync("createControlPlane",
            "mutation { createControlPlane(input: {name: \"cp-crud\", description: \"first\", labels: {env: \"dev\"}}) { controlPlane { id name description labels version } errors { code } } }");
        var id = created.Str("controlPlane.id")!;
        Assert.Equal(("cp-crud", "first", "dev", 1), (created.Str("controlPlane.name"), created.Str("controlPlane.description"), created.Str("controlPlane.labels.env"), created.Int("controlPlane.version")));

        // When it is renamed and relabelled
        var updated = await server.Admin.OkAsync("updateControlPlane",
            "mutation($id: ID!) { updateControlPlane(input: {id: $id, name: \"cp-renamed\", labels: {env: \"prod\", team: \"core\"}, reason: \"go live\"}) { controlPlane { id name description labels version } errors { code } } }",
            new { id });

        // Then the new name and labels are read back, the description is kept, and the change is audited
        Assert.Equal(("cp-renamed", "first", "prod", "core", 2),
            (updated.Str("controlPlane.name"), updated.Str("controlPlane.description"), updated.Str("controlPlane.labels.env"), updated.Str("controlPlane.labels.team"), updated.Int("controlPlane.version")));
        var byName = await server.Admin.DataAsync("{ controlPlane(name: \"cp-renamed\") { id } old: controlPlane(name: \"cp-crud\") { id } }");
        Assert.Equal(id, byName.Str("controlPlane.id"));
        Assert.True(byName.IsNull("old"));
        Assert.Equal("cp-renamed", (await server.Host.NodeAsync(id, "... on ControlPlane { name }")).Str("name"));
        var updatedEvent = await server.Host.LatestEventAsync(id);
        Assert.Equal(("ControlPlaneUpdated", "CONTROL_PLANE", id, "admin", "go live", 2),
            (updatedEvent.Str("type"), updatedEvent.Str("entityType"), updatedEvent.Str("entityId"), updatedEvent.Str("actor"), updatedEvent.Str("reason"), updatedEvent.Int("version")));

        // When it is deleted
        var deleted = await server.Admin.OkAsync("deleteControlPlane",
            "mutation($id: ID!) { deleteControlPlane(input: {id: $id, reason: \"done\"}) { deletedId version errors { code } } }", new { id });

        // Then no read finds it any more
        Assert.Equal(id, deleted.Str("deletedId"));
        Assert.Equal(3, deleted.Int("version"));
        var after = await server.Admin.DataAsync("query($id: ID) { controlPlane(id: $id) { id } controlPlanes(filter: {name: \"cp-renamed\"}) { totalCount } }", new { id });
        Assert.True(after.IsNull("controlPlane"));
        Assert.Equal(0, after.Int("controlPlanes.totalCount"));
        Assert.Equal(JsonValueKind.Null, (await server.Host.NodeAsync(id, "")).ValueKind);
    }

    [Fact]
    public async Task Control_plane_mistakes_are_user_errors_with_their_fields()
    {
        // Given a control plane
        var id = await server.Host.CreateControlPlaneAsync("cp-errors");

        // When a taken name, a reserved label key, a missing control plane and a stale version are sent
        var taken = await server.Admin.UserErrorAsync("createControlPlane", "mutation { createControlPlane(input: {name: \"cp-errors\"}) { controlPlane { id } errors { code message field } } }");
        var reserved = await server.Admin.UserErrorAsync("createControlPlane", "mutation { createControlPlane(input: {name: \"cp-labels\", labels: {kong_env: \"x\"}}) { controlPlane { id } errors { code message field } } }");
        var missing = await server.Admin.UserErrorAsync("updateControlPlane",
            "mutation($id: ID!) { updateControlPlane(input: {id: $id, description: \"x\"}) { controlPlane { id } errors { code message field } } }", new { id = Guid.NewGuid() });
        var missingDelete = await server.Admin.UserErrorAsync("deleteControlPlane",
            "mutation($id: ID!) { deleteControlPlane(input: {id: $id}) { deletedId errors { code message field } } }", new { id = Guid.NewGuid() });
        var staleUpdate = await server.Admin.UserErrorAsync("updateControlPlane",
            "mutation($id: ID!) { updateControlPlane(input: {id: $id, description: \"x\", expectedVersion: 5}) { controlPlane { id } errors { code message field } } }", new { id });
        var stale = await server.Admin.UserErrorAsync("deleteControlPlane",
            "mutation($id: ID!) { deleteControlPlane(input: {id: $id, expectedVersion: 7}) { deletedId errors { code message field } } }", new { id });

        // Then each is refused with its code and field, and the control plane is unchanged
        UserErrors.AssertIs(taken, "CONFLICT");
        UserErrors.AssertIs(reserved, "VALIDATION", "labels", "kong_env");
        UserErrors.AssertIs(missing, "NOT_FOUND", "id");
        Assert.Equal("NOT_FOUND", missingDelete.Str("code"));
        UserErrors.AssertIs(staleUpdate, "VERSION_CONFLICT", "expectedVersion");
        UserErrors.AssertIs(stale, "VERSION_CONFLICT", "expectedVersion");
        Assert.Equal(1, (await server.Admin.DataAsync("query($id: ID) { controlPlane(id: $id) { version } }", new { id })).Int("controlPlane.version"));
    }

    [Fact]
    public async Task Control_planes_page_by_name_through_a_name_filter_with_a_total_over_all_pages()
    {
        // Given five control planes whose names contain "paged", and one that does not
        foreach (var name in new[] { "paged-e", "paged-a", "paged-d", "paged-c", "paged-b", "other-paging" })
        {
            await server.Host.CreateControlPlaneAsync(name);
        }

        // When they are read two at a time, following the end cursor
        var names = new List<string>();
        var pages = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = (await server.Admin.DataAsync(Page, new { first = 2, after, filter = new { name = "PAGED-" } })).GetProperty("controlPlanes");
            pages.Add(page);
            names.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.Str("node.name")!));
            after = page.At("pageInfo.hasNextPage").GetBoolean() ? page.Str("pageInfo.endCursor") : null;
        }
        while (after is not null && pages.Count < 10);

        // Then the pages hold every match once, in name order, and each page knows the total
        Assert.Equal(["paged-a", "paged-b", "paged-c", "paged-d", "paged-e"], names);
        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("edges").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(5, p.Int("totalCount")));
        Assert.False(pages[0].At("pageInfo.hasPreviousPage").GetBoolean());
        Assert.True(pages[1].At("pageInfo.hasPreviousPage").GetBoolean());
        Assert.Equal(pages[0].Str("edges.1.cursor"), pages[0].Str("pageInfo.endCursor"));
    }

    [Fact]
    public async Task Control_planes_page_through_a_label_filter_and_a_scoped_token_pages_through_its_own_only()
    {
        // Given four labelled control planes, three of them env=prod, and a viewer of two prod ones
        var ids = new Dictionary<string, string>();
        foreach (var (name, env) in new[] { ("lab-1", "prod"), ("lab-2", "dev"), ("lab-3", "prod"), ("lab-4", "prod") })
        {
            ids[name] = (await server.Admin.OkAsync("createControlPlane",
                "mutation($n: String!, $l: JSON) { createControlPlane(input: {name: $n, labels: $l}) { controlPlane { id } errors { code } } }",
                new { n = name, l = new Dictionary<string, string> { ["env"] = env, ["suite"] = "labels" } })).Str("controlPlane.id")!;
        }

        var grants = new[] { ids["lab-1"], ids["lab-4"] }.Select(cp => new { role = "VIEWER", controlPlaneId = cp });
        var viewerToken = (await server.Admin.OkAsync("createApiToken",
            "mutation($r: [RoleGrantInput!]!) { createApiToken(input: {name: \"lab-viewer\", roles: $r}) { token errors { code } } }", new { r = grants })).Str("token");
        var viewer = server.Admin.As(viewerToken);

        // When the admin pages through env=prod one at a time, and the viewer lists the same filter
        var first = (await server.Admin.DataAsync(Page, new { first = 1, filter = new { labels = new { env = "prod", suite = "labels" } } })).GetProperty("controlPlanes");
        var rest = (await server.Admin.DataAsync(Page, new { first = 5, after = first.Str("pageInfo.endCursor"), filter = new { labels = new { env = "prod", suite = "labels" } } })).GetProperty("controlPlanes");
        var seen = (await viewer.DataAsync(Page, new { first = 5, filter = new { labels = new { env = "prod" } } })).GetProperty("controlPlanes");
        var seenPaged = (await viewer.DataAsync(Page, new { first = 1, filter = new { labels = new { suite = "labels" } } })).GetProperty("controlPlanes");

        // Then the admin sees the three prod ones across pages, and the viewer only its two, counted in the database
        Assert.Equal((3, "lab-1"), (first.Int("totalCount"), first.Str("edges.0.node.name")));
        Assert.True(first.At("pageInfo.hasNextPage").GetBoolean());
        Assert.Equal(["lab-3", "lab-4"], rest.GetProperty("edges").EnumerateArray().Select(e => e.Str("node.name")));
        Assert.False(rest.At("pageInfo.hasNextPage").GetBoolean());
        Assert.Equal(2, seen.Int("totalCount"));
        Assert.Equal(["lab-1", "lab-4"], seen.GetProperty("edges").EnumerateArray().Select(e => e.Str("node.name")));
        Assert.Equal((2, 1, true), (seenPaged.Int("totalCount"), seenPaged.GetProperty("edges").GetArrayLength(), seenPaged.At("pageInfo.hasNextPage").GetBoolean()));
    }

    [Fact]
    public async Task Node_finds_a_control_plane_and_its_entities_by_id_but_never_outside_the_tokens_control_planes()
    {
        // Given two control planes with a service each, and a viewer of the first
        var mine = await server.Host.CreateControlPlaneAsync("node-mine");
        var theirs = await server.Host.CreateControlPlaneAsync("node-theirs");
        var myService = (await server.Admin.OkAsync("createService", "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"m\", host: \"m\"}) { service { id } errors { code } } }", new { cp = mine })).Str("service.id");
        var theirService = (await server.Admin.OkAsync("createService", "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"t\", host: \"t\"}) { service { id } errors { code } } }", new { cp = theirs })).Str("service.id");
        var viewer = server.Admin.As(await server.Host.TokenAsync("node-viewer", "VIEWER", mine));
        const string Node = "query($id: ID!) { node(id: $id) { __typename id } }";

        // When the viewer asks for each by id, and for ids that are no node
        var results = new List<JsonElement>();
        foreach (var id in new[] { mine, myService, theirs, theirService, Guid.NewGuid().ToString(), "not-a-uuid" })
        {
            results.Add((await viewer.DataAsync(Node, new { id })).GetProperty("node"));
        }

        // Then only what the viewer may read is found, with its type
        Assert.Equal(("ControlPlane", mine), (results[0].Str("__typename"), results[0].Str("id")));
        Assert.Equal(("Service", myService), (results[1].Str("__typename"), results[1].Str("id")));
        Assert.All(results.Skip(2), r => Assert.Equal(JsonValueKind.Null, r.ValueKind));
    }
}
