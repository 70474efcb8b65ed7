namespace KonnectES.Server.Tests.Portal;

public sealed class ManagingConsumerGroups(PortalServer server) : IClassFixture<PortalServer>
{
    private const string Membership =
        "consumerGroup { id name consumers { totalCount edges { node { username } } } } version errors { code message field }";

    [Fact]
    public async Task A_group_is_created_renamed_and_deleted_and_each_change_is_audited()
    {
        // Given a control plane
        var cp = await server.Host.CreateControlPlaneAsync("groups-crud");

        // When a group is created, renamed and deleted
        var created = await server.Admin.OkAsync("createConsumerGroup",
            "mutation($cp: ID!) { createConsumerGroup(input: {controlPlaneId: $cp, name: \"silver\", tags: [\"tier\"], reason: \"tiers\"}) { consumerGroup { id name tags } version errors { code } } }",
            new { cp });
        var id = created.Str("consumerGroup.id")!;
        var createdEvent = await server.Host.LatestEventAsync(cp);
        var listed = await server.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { consumerGroups { totalCount edges { node { id name } } } } }", new { cp });
        var renamed = await server.Admin.OkAsync("updateConsumerGroup",
            "mutation($cp: ID!, $id: ID!) { updateConsumerGroup(input: {controlPlaneId: $cp, id: $id, name: \"platinum\"}) { consumerGroup { name tags } version errors { code } } }",
            new { cp, id });
        var renamedNode = await server.Host.NodeAsync(id, "... on ConsumerGroup { name }");
        var renamedEvent = await server.Host.LatestEventAsync(cp);
        var deleted = await server.Admin.OkAsync("deleteConsumerGroup",
            "mutation($cp: ID!, $id: ID!) { deleteConsumerGroup(input: {controlPlaneId: $cp, id: $id, reason: \"merged\"}) { deletedId version errors { code } } }", new { cp, id });
        var deletedEvent = await server.Host.LatestEventAsync(cp);

        // Then every step is visible in reads and in the history
        Assert.Equal("silver", created.Str("consumerGroup.name"));
        Assert.Equal(["tier"], created.Strings("consumerGroup.tags"));
        Assert.Equal(("ConsumerGroupCreated", "CONSUMER_GROUP", id, "admin", "tiers"),
            (createdEvent.Str("type"), createdEvent.Str("entityType"), createdEvent.Str("entityId"), createdEvent.Str("actor"), createdEvent.Str("reason")));
        Assert.Equal((1, id), (listed.Int("controlPlane.consumerGroups.totalCount"), listed.Str("controlPlane.consumerGroups.edges.0.node.id")));
        Assert.Equal("platinum", renamed.Str("consumerGroup.name"));
        Assert.Equal(["tier"], renamed.Strings("consumerGroup.tags"));
        Assert.Equal("platinum", renamedNode.Str("name"));
        Assert.Equal(("ConsumerGroupUpdated", id), (renamedEvent.Str("type"), renamedEvent.Str("entityId")));
        Assert.Equal(id, deleted.Str("deletedId"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await server.Host.NodeAsync(id, "")).ValueKind);
        Assert.Equal(("ConsumerGroupDeleted", "merged"), (deletedEvent.Str("type"), deletedEvent.Str("reason")));
    }

    [Fact]
    public async Task Consumers_are_added_to_and_removed_from_a_group_and_both_sides_show_the_membership()
    {
        // Given a group and two consumers, and an editor
        var cp = await server.Host.CreateControlPlaneAsync("groups-members");
        var editor = server.Admin.As(await server.Host.TokenAsync("groups-editor", "EDITOR", cp));
        var group = (await editor.OkAsync("createConsumerGroup",
            "mutation($cp: ID!) { createConsumerGroup(input: {controlPlaneId: $cp, name: \"gold\"}) { consumerGroup { id } errors { code } } }", new { cp })).Str("consumerGroup.id");
        var alice = await ConsumerAsync(editor, cp, "alice");
        var bob = await ConsumerAsync(editor, cp, "bob");

        // When both are added
        await editor.OkAsync("addConsumerToGroup",
            $"mutation($cp: ID!, $g: ID!, $c: ID!) {{ addConsumerToGroup(input: {{controlPlaneId: $cp, consumerGroupId: $g, consumerId: $c}}) {{ {Membership} }} }}", new { cp, g = group, c = alice });
        var added = await editor.OkAsync("addConsumerToGroup",
            $"mutation($cp: ID!, $g: ID!, $c: ID!) {{ addConsumerToGroup(input: {{controlPlaneId: $cp, consumerGroupId: $g, consumerId: $c, reason: \"upgrade\"}}) {{ {Membership} }} }}", new { cp, g = group, c = bob });
        var addedEvent = await server.Host.LatestEventAsync(cp);

        // Then the group lists both and each consumer lists the group; the change is audited with the editor
        Assert.Equal(2, added.Int("consumerGroup.consumers.totalCount"));
        Assert.Equal(["alice", "bob"], added.At("consumerGroup.consumers.edges").EnumerateArray().Select(e => e.Str("node.username")!).Order());
        var bobsGroups = await server.Admin.DataAsync("query($cp: ID, $c: ID) { controlPlane(id: $cp) { consumer(id: $c) { groups { name } } } }", new { cp, c = bob });
        Assert.Equal("gold", bobsGroups.Str("controlPlane.consumer.groups.0.name"));
        Assert.Equal(("ConsumerAddedToGroup", "groups-editor", "upgrade", "CONSUMER_GROUP_MEMBER"),
            (addedEvent.Str("type"), addedEvent.Str("actor"), addedEvent.Str("reason"), addedEvent.Str("entityType")));

        // When alice is removed
        var removed = await editor.OkAsync("removeConsumerFromGroup",
            $"mutation($cp: ID!, $g: ID!, $c: ID!) {{ removeConsumerFromGroup(input: {{controlPlaneId: $cp, consumerGroupId: $g, consumerId: $c}}) {{ {Membership} }} }}", new { cp, g = group, c = alice });

        // Then only bob is left, and alice belongs to no group
        Assert.Equal(1, removed.Int("consumerGroup.consumers.totalCount"));
        Assert.Equal("bob", removed.Str("consumerGroup.consumers.edges.0.node.username"));
        Assert.Equal(added.Int("version") + 1, removed.Int("version"));
        var alicesGroups = await server.Admin.DataAsync("query($cp: ID, $c: ID) { controlPlane(id: $cp) { consumer(id: $c) { groups { name } } } }", new { cp, c = alice });
        Assert.Equal(0, alicesGroups.At("controlPlane.consumer.groups").GetArrayLength());
        var removedEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("ConsumerRemovedFromGroup", "groups-editor", "CONSUMER_GROUP_MEMBER"),
            (removedEvent.Str("type"), removedEvent.Str("actor"), removedEvent.Str("entityType")));
    }

    [Fact]
    public async Task Memberships_of_missing_consumers_or_groups_and_duplicate_memberships_are_refused()
    {
        // Given a consumer in a group
        var cp = await server.Host.CreateControlPlaneAsync("groups-invalid");
        var group = (await server.Admin.OkAsync("createConsumerGroup",
            "mutation($cp: ID!) { createConsumerGroup(input: {controlPlaneId: $cp, name: \"g\"}) { consumerGroup { id } errors { code } } }", new { cp })).Str("consumerGroup.id");
        var consumer = await ConsumerAsync(server.Admin, cp, "erin");
        const string Add = "mutation($cp: ID!, $g: ID!, $c: ID!) { addConsumerToGroup(input: {controlPlaneId: $cp, consumerGroupId: $g, consumerId: $c}) { consumerGroup { id } errors { code message field } } }";
        await server.Admin.OkAsync("addConsumerToGroup", Add, new { cp, g = group, c = consumer });
        var version = (await server.Host.LatestEventAsync(cp)).Int("version");

        // When a missing consumer, a missing group, the same membership again, a removal of a non-member and a
        // second group with the same name are sent
        var noConsumer = await server.Admin.UserErrorAsync("addConsumerToGroup", Add, new { cp, g = group, c = Guid.NewGuid() });
        var noGroup = await server.Admin.UserErrorAsync("addConsumerToGroup", Add, new { cp, g = Guid.NewGuid(), c = consumer });
        var again = await server.Admin.UserErrorAsync("addConsumerToGroup", Add, new { cp, g = group, c = consumer });
        var notMember = await server.Admin.UserErrorAsync("removeConsumerFromGroup",
            "mutation($cp: ID!, $g: ID!, $c: ID!) { removeConsumerFromGroup(input: {controlPlaneId: $cp, consumerGroupId: $g, consumerId: $c}) { consumerGroup { id } errors { code message field } } }",
            new { cp, g = group, c = await ConsumerAsync(server.Admin, cp, "frank") });
        var sameName = await server.Admin.UserErrorAsync("createConsumerGroup",
            "mutation($cp: ID!) { createConsumerGroup(input: {controlPlaneId: $cp, name: \"g\"}) { consumerGroup { id } errors { code message field } } }", new { cp });

        // Then each is refused with its code, and only frank's creation was written
        Assert.Equal("NOT_FOUND", noConsumer.Str("code"));
        Assert.Equal("NOT_FOUND", noGroup.Str("code"));
        Assert.Equal("CONFLICT", again.Str("code"));
        Assert.Equal("NOT_FOUND", notMember.Str("code"));
        UserErrors.AssertIs(sameName, "CONFLICT", "name");
        Assert.Equal(version + 1, (await server.Host.LatestEventAsync(cp)).Int("version"));
    }

    private static async Task<string> ConsumerAsync(PortalClient client, string cp, string username) =>
        (await client.OkAsync("createConsumer",
            "mutation($cp: ID!, $u: String!) { createConsumer(input: {controlPlaneId: $cp, username: $u}) { consumer { id } errors { code } } }", new { cp, u = username }))
        .Str("consumer.id")!;
}
