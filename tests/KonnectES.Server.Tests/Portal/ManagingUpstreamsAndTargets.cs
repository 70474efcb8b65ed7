namespace KonnectES.Server.Tests.Portal;

public sealed class ManagingUpstreamsAndTargets(PortalServer server) : IClassFixture<PortalServer>
{
    private const string UpstreamFields = "upstream { id name algorithm hashOn slots tags } version errors { code message field }";

    [Fact]
    public async Task An_editor_creates_updates_and_deletes_an_upstream_and_the_history_names_the_editor()
    {
        // Given a control plane and an editor of it
        var cp = await server.Host.CreateControlPlaneAsync("upstreams-crud");
        var editor = server.Admin.As(await server.Host.TokenAsync("upstream-editor", "EDITOR", cp));

        // When the editor creates an upstream
        var created = await editor.OkAsync("createUpstream",
            $"mutation($cp: ID!) {{ createUpstream(input: {{controlPlaneId: $cp, name: \"orders.internal\", algorithm: \"least-connections\", tags: [\"blue\"], reason: \"new pool\"}}) {{ {UpstreamFields} }} }}",
            new { cp });

        // Then it is returned with Kong's defaults, readable by name and by node id, and audited
        var id = created.Str("upstream.id")!;
        Assert.Equal("orders.internal", created.Str("upstream.name"));
        Assert.Equal("least-connections", created.Str("upstream.algorithm"));
        Assert.Equal("none", created.Str("upstream.hashOn"));
        Assert.Equal(10000, created.Int("upstream.slots"));
        Assert.Equal(["blue"], created.Strings("upstream.tags"));
        var byName = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { upstream(name: \"orders.internal\") { id algorithm } } }", new { cp });
        Assert.Equal(id, byName.Str("controlPlane.upstream.id"));
        Assert.Equal("Upstream", (await server.Host.NodeAsync(id, "... on Upstream { name }")).Str("__typename"));
        var createdEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("UpstreamCreated", "UPSTREAM", id, "upstream-editor", "new pool"),
            (createdEvent.Str("type"), createdEvent.Str("entityType"), createdEvent.Str("entityId"), createdEvent.Str("actor"), createdEvent.Str("reason")));
        Assert.Equal(created.Int("version"), createdEvent.Int("version"));

        // When it is switched to consistent hashing on a header
        var updated = await editor.OkAsync("updateUpstream",
            $"mutation($cp: ID!, $id: ID!) {{ updateUpstream(input: {{controlPlaneId: $cp, id: $id, algorithm: \"consistent-hashing\", hashOn: \"header\", hashOnHeader: \"x-user\"}}) {{ {UpstreamFields} }} }}",
            new { cp, id });

        // Then only the named fields change, as a new version
        Assert.Equal("consistent-hashing", updated.Str("upstream.algorithm"));
        Assert.Equal("header", updated.Str("upstream.hashOn"));
        Assert.Equal("orders.internal", updated.Str("upstream.name"));
        Assert.Equal(["blue"], updated.Strings("upstream.tags"));
        Assert.Equal(created.Int("version") + 1, updated.Int("version"));
        Assert.Equal("consistent-hashing", (await server.Host.NodeAsync(id, "... on Upstream { algorithm }")).Str("algorithm"));
        var updatedEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("UpstreamUpdated", "upstream-editor"), (updatedEvent.Str("type"), updatedEvent.Str("actor")));

        // When it is deleted
        var deleted = await editor.OkAsync("deleteUpstream",
            "mutation($cp: ID!, $id: ID!) { deleteUpstream(input: {controlPlaneId: $cp, id: $id, reason: \"retired\"}) { deletedId version errors { code } } }", new { cp, id });

        // Then it is gone from every read, and the deletion is audited
        Assert.Equal(id, deleted.Str("deletedId"));
        Assert.Equal(updated.Int("version") + 1, deleted.Int("version"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await server.Host.NodeAsync(id, "")).ValueKind);
        var after = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { upstreams { totalCount } } }", new { cp });
        Assert.Equal(0, after.Int("controlPlane.upstreams.totalCount"));
        var deletedEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("UpstreamDeleted", id, "upstream-editor", "retired"),
            (deletedEvent.Str("type"), deletedEvent.Str("entityId"), deletedEvent.Str("actor"), deletedEvent.Str("reason")));
    }

    [Fact]
    public async Task Targets_are_added_reweighted_and_removed_and_the_upstream_lists_them()
    {
        // Given an upstream
        var cp = await server.Host.CreateControlPlaneAsync("targets-crud");
        var upstream = (await server.Admin.OkAsync("createUpstream",
            "mutation($cp: ID!) { createUpstream(input: {controlPlaneId: $cp, name: \"pool\"}) { upstream { id } errors { code } } }", new { cp })).Str("upstream.id");

        // When two targets are added
        var first = await server.Admin.OkAsync("createTarget",
            "mutation($cp: ID!, $u: ID!) { createTarget(input: {controlPlaneId: $cp, upstreamId: $u, target: \"10.0.0.1:8080\", weight: 50, reason: \"a\"}) { target { id target weight tags } version errors { code } } }",
            new { cp, u = upstream });
        var second = await server.Admin.OkAsync("createTarget",
            "mutation($cp: ID!, $u: ID!) { createTarget(input: {controlPlaneId: $cp, upstreamId: $u, target: \"10.0.0.2\"}) { target { id target weight } version errors { code message field } } }",
            new { cp, u = upstream });

        // Then they carry their address and weight (Kong's default port 8000 and weight 100 when left out)
        var id = first.Str("target.id")!;
        Assert.Equal(("10.0.0.1:8080", 50), (first.Str("target.target"), first.Int("target.weight")));
        Assert.Equal(("10.0.0.2:8000", 100), (second.Str("target.target"), second.Int("target.weight")));
        var listed = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { upstream(name: \"pool\") { targets { id target weight } } } }", new { cp });
        Assert.Equal(["10.0.0.1:8080", "10.0.0.2:8000"], listed.At("controlPlane.upstream.targets").EnumerateArray().Select(t => t.GetProperty("target").GetString()).Order());
        Assert.Equal("10.0.0.1:8080", (await server.Host.NodeAsync(id, "... on Target { target }")).Str("target"));
        var created = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("TargetCreated", "TARGET", second.Str("target.id"), "admin"),
            (created.Str("type"), created.Str("entityType"), created.Str("entityId"), created.Str("actor")));

        // When the first is drained (weight 0) and the second removed
        var drained = await server.Admin.OkAsync("updateTarget",
            "mutation($cp: ID!, $id: ID!) { updateTarget(input: {controlPlaneId: $cp, id: $id, weight: 0, reason: \"drain\"}) { target { target weight } version errors { code } } }",
            new { cp, id });
        var drainedEvent = await server.Host.LatestEventAsync(cp);
        var removed = await server.Admin.OkAsync("deleteTarget",
            "mutation($cp: ID!, $id: ID!) { deleteTarget(input: {controlPlaneId: $cp, id: $id}) { deletedId version errors { code } } }",
            new { cp, id = second.Str("target.id") });

        // Then the upstream lists one target of weight 0, and both changes are audited
        Assert.Equal(("10.0.0.1:8080", 0), (drained.Str("target.target"), drained.Int("target.weight")));
        Assert.Equal(("TargetUpdated", id, "drain"), (drainedEvent.Str("type"), drainedEvent.Str("entityId"), drainedEvent.Str("reason")));
        Assert.Equal(second.Str("target.id"), removed.Str("deletedId"));
        var after = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { upstream(name: \"pool\") { targets { target weight } } } }", new { cp });
        Assert.Equal(1, after.At("controlPlane.upstream.targets").GetArrayLength());
        Assert.Equal(0, after.Int("controlPlane.upstream.targets.0.weight"));
        Assert.Equal("TargetDeleted", (await server.Host.LatestEventAsync(cp)).Str("type"));
    }

    [Fact]
    public async Task Upstreams_are_filtered_by_tags_and_paged()
    {
        // Given three upstreams, two tagged "prod"
        var cp = await server.Host.CreateControlPlaneAsync("upstreams-filter");
        foreach (var (name, tags) in new[] { ("a.internal", new[] { "prod", "eu" }), ("b.internal", ["prod"]), ("c.internal", ["dev"]) })
        {
            await server.Admin.OkAsync("createUpstream",
                "mutation($cp: ID!, $n: String!, $t: [String!]) { createUpstream(input: {controlPlaneId: $cp, name: $n, tags: $t}) { upstream { id } errors { code } } }",
                new { cp, n = name, t = tags });
        }

        // When they are listed by tag, one per page
        var prod = await server.Admin.DataAsync(
            "query($cp: ID) { controlPlane(id: $cp) { upstreams(tags: [\"prod\"], first: 1) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } } }", new { cp });
        var next = await server.Admin.DataAsync(
            "query($cp: ID, $after: String) { controlPlane(id: $cp) { upstreams(tags: [\"prod\"], first: 1, after: $after) { edges { node { name } } pageInfo { hasNextPage hasPreviousPage } } } }",
            new { cp, after = prod.Str("controlPlane.upstreams.pageInfo.endCursor") });
        var both = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { upstreams(tags: [\"prod\", \"eu\"]) { totalCount edges { node { name } } } } }", new { cp });

        // Then each page holds the matching ones only, and every tag must be carried
        Assert.Equal(2, prod.Int("controlPlane.upstreams.totalCount"));
        Assert.True(prod.At("controlPlane.upstreams.pageInfo.hasNextPage").GetBoolean());
        Assert.False(next.At("controlPlane.upstreams.pageInfo.hasNextPage").GetBoolean());
        Assert.True(next.At("controlPlane.upstreams.pageInfo.hasPreviousPage").GetBoolean());
        Assert.Equal(["a.internal", "b.internal"], new[] { prod.Str("controlPlane.upstreams.edges.0.node.name")!, next.Str("controlPlane.upstreams.edges.0.node.name")! }.Order());
        Assert.Equal(1, both.Int("controlPlane.upstreams.totalCount"));
        Assert.Equal("a.internal", both.Str("controlPlane.upstreams.edges.0.node.name"));
    }

    [Fact]
    public async Task Invalid_upstreams_and_targets_are_refused_with_the_field_that_is_wrong_and_nothing_is_written()
    {
        // Given an upstream
        var cp = await server.Host.CreateControlPlaneAsync("upstreams-invalid");
        var upstream = (await server.Admin.OkAsync("createUpstream",
            "mutation($cp: ID!) { createUpstream(input: {controlPlaneId: $cp, name: \"pool\"}) { upstream { id } errors { code } } }", new { cp })).Str("upstream.id");
        var version = (await server.Host.LatestEventAsync(cp)).Int("version");

        // When an upstream named by an IP, a target with a bad address and an update of a missing target are sent
        var ipName = await server.Admin.UserErrorAsync("createUpstream",
            "mutation($cp: ID!) { createUpstream(input: {controlPlaneId: $cp, name: \"10.0.0.1\"}) { upstream { id } errors { code message field } } }", new { cp });
        var badTarget = await server.Admin.UserErrorAsync("createTarget",
            "mutation($cp: ID!, $u: ID!) { createTarget(input: {controlPlaneId: $cp, upstreamId: $u, target: \"bad host:99999\"}) { target { id } errors { code message field } } }",
            new { cp, u = upstream });
        var missing = await server.Admin.UserErrorAsync("updateTarget",
            "mutation($cp: ID!, $id: ID!) { updateTarget(input: {controlPlaneId: $cp, id: $id, weight: 1}) { target { id } errors { code message field } } }",
            new { cp, id = Guid.NewGuid() });
        var orphan = await server.Admin.UserErrorAsync("createTarget",
            "mutation($cp: ID!, $u: ID!) { createTarget(input: {controlPlaneId: $cp, upstreamId: $u, target: \"10.0.0.9\"}) { target { id } errors { code message field } } }",
            new { cp, u = Guid.NewGuid() });

        // Then each names its code and field, and the configuration did not move
        UserErrors.AssertIs(ipName, "VALIDATION", "name");
        UserErrors.AssertIs(badTarget, "VALIDATION", "target");
        UserErrors.AssertIs(missing, "NOT_FOUND", "id");
        Assert.Equal("NOT_FOUND", orphan.Str("code"));
        Assert.Equal(version, (await server.Host.LatestEventAsync(cp)).Int("version"));
    }
}
