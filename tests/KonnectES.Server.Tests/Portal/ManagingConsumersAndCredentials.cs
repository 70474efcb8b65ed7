using System.Text.Json;

namespace KonnectES.Server.Tests.Portal;

public sealed class ManagingConsumersAndCredentials(PortalServer server) : IClassFixture<PortalServer>
{
    private const string CreateCredential = """
        mutation($cp: ID!, $c: ID!, $kind: CredentialKind!, $key: String, $username: String, $password: String, $secret: String, $group: String) {
          createCredential(input: {controlPlaneId: $cp, consumerId: $c, kind: $kind, key: $key, username: $username, password: $password, secret: $secret, group: $group, reason: "issue"}) {
            credential { id kind key username } version errors { code message field }
          }
        }
        """;

    public static TheoryData<string, object, string, string?, string?> Kinds => new()
    {
        // kind, the secret-bearing input, the update that changes it, the key shown, the username shown
        { "KEY_AUTH", new { key = "k-123" }, "key: \"k-456\"", "<redacted>", null },
        { "BASIC_AUTH", new { username = "alice", password = "pw-123" }, "password: \"pw-456\"", null, "alice" },
        { "JWT", new { key = "issuer-a", secret = "s-123" }, "secret: \"s-456\"", "issuer-a", null },
        { "ACL", new { group = "admins" }, "group: \"readers\"", null, null },
        { "HMAC_AUTH", new { username = "hmac-user", secret = "s-123" }, "secret: \"s-456\"", null, "hmac-user" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_credential_of_each_kind_is_issued_changed_and_revoked_and_its_secrets_never_leave(
        string kind, object secretInput, string change, string? shownKey, string? shownUsername)
    {
        // Given a consumer
        var cp = await server.Host.CreateControlPlaneAsync("credentials-" + kind.ToLowerInvariant().Replace('_', '-'));
        var consumer = await ConsumerAsync(cp, "holder");
        var variables = JsonSerializer.SerializeToNode(secretInput)!.AsObject();
        variables["cp"] = cp;
        variables["c"] = consumer;
        variables["kind"] = kind;

        // When a credential is issued
        var created = await server.Admin.OkAsync("createCredential", CreateCredential, variables);

        // Then it is listed on the consumer, with secrets masked everywhere, and audited
        var id = created.Str("credential.id")!;
        Assert.Equal((kind, shownKey, shownUsername), (created.Str("credential.kind"), created.Str("credential.key"), created.Str("credential.username")));
        var listed = await server.Admin.DataAsync("query($cp: ID, $c: ID) { controlPlane(id: $cp) { consumer(id: $c) { credentials { id kind key username } } } }", new { cp, c = consumer });
        Assert.Equal(id, listed.Str("controlPlane.consumer.credentials.0.id"));
        var createdEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("CredentialCreated", "CREDENTIAL", id, "admin", "issue"),
            (createdEvent.Str("type"), createdEvent.Str("entityType"), createdEvent.Str("entityId"), createdEvent.Str("actor"), createdEvent.Str("reason")));
        foreach (var secret in new[] { "k-123", "pw-123", "s-123" })
        {
            Assert.DoesNotContain(secret, created.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, listed.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, createdEvent.ToString(), StringComparison.Ordinal);
        }

        // When its secret (or group) changes
        var updated = await server.Admin.OkAsync("updateCredential",
            $"mutation($cp: ID!, $id: ID!) {{ updateCredential(input: {{controlPlaneId: $cp, id: $id, {change}}}) {{ credential {{ id kind }} version errors {{ code message field }} }} }}", new { cp, id });
        var exported = (await server.Admin.DataAsync("mutation($cp: ID!) { exportConfig(controlPlaneId: $cp, format: JSON, includeSecrets: true) }", new { cp })).GetProperty("exportConfig").GetString();

        // Then the new value is what an admin export with secrets holds, as a new audited version
        Assert.Equal((id, kind), (updated.Str("credential.id"), updated.Str("credential.kind")));
        Assert.Equal(created.Int("version") + 1, updated.Int("version"));
        Assert.Contains(change.Split('"')[1], exported, StringComparison.Ordinal);
        Assert.Equal("CredentialUpdated", (await server.Host.LatestEventAsync(cp)).Str("type"));

        // When it is revoked
        var deleted = await server.Admin.OkAsync("deleteCredential",
            "mutation($cp: ID!, $id: ID!) { deleteCredential(input: {controlPlaneId: $cp, id: $id, reason: \"revoke\"}) { deletedId version errors { code } } }", new { cp, id });

        // Then the consumer holds no credential any more
        Assert.Equal(id, deleted.Str("deletedId"));
        var after = await server.Admin.DataAsync("query($cp: ID, $c: ID) { controlPlane(id: $cp) { consumer(id: $c) { credentials { id } } } }", new { cp, c = consumer });
        Assert.Equal(0, after.At("controlPlane.consumer.credentials").GetArrayLength());
        var deletedEvent = await server.Host.LatestEventAsync(cp);
        Assert.Equal(("CredentialDeleted", id, "revoke"), (deletedEvent.Str("type"), deletedEvent.Str("entityId"), deletedEvent.Str("reason")));
    }

    [Fact]
    public async Task Credentials_missing_their_required_fields_or_consumer_are_refused_with_the_field()
    {
        // Given a consumer with a key
        var cp = await server.Host.CreateControlPlaneAsync("credentials-invalid");
        var consumer = await ConsumerAsync(cp, "ivy");
        await server.Admin.OkAsync("createCredential", CreateCredential, new { cp, c = consumer, kind = "KEY_AUTH", key = "taken-key" });
        var version = (await server.Host.LatestEventAsync(cp)).Int("version");

        // When each kind is sent without what it needs, a key is reused and a consumer is missing
        var noKey = await server.Admin.UserErrorAsync("createCredential", CreateCredential, new { cp, c = consumer, kind = "KEY_AUTH" });
        var noPassword = await server.Admin.UserErrorAsync("createCredential", CreateCredential, new { cp, c = consumer, kind = "BASIC_AUTH", username = "ivy" });
        var noSecret = await server.Admin.UserErrorAsync("createCredential", CreateCredential, new { cp, c = consumer, kind = "JWT", key = "iss" });
        var noGroup = await server.Admin.UserErrorAsync("createCredential", CreateCredential, new { cp, c = consumer, kind = "ACL" });
        var noUsername = await server.Admin.UserErrorAsync("createCredential", CreateCredential, new { cp, c = consumer, kind = "HMAC_AUTH", secret = "s" });
        var reused = await server.Admin.UserErrorAsync("createCredential", CreateCredential, new { cp, c = consumer, kind = "KEY_AUTH", key = "taken-key" });
        var noConsumer = await server.Admin.UserErrorAsync("createCredential", CreateCredential, new { cp, c = Guid.NewGuid(), kind = "KEY_AUTH", key = "other" });

        // Then each is refused with its code and field, and nothing was written
        UserErrors.AssertIs(noKey, "VALIDATION", "key");
        UserErrors.AssertIs(noPassword, "VALIDATION", "password");
        UserErrors.AssertIs(noSecret, "VALIDATION", "secret");
        UserErrors.AssertIs(noGroup, "VALIDATION", "group");
        UserErrors.AssertIs(noUsername, "VALIDATION", "username");
        Assert.Equal("CONFLICT", reused.Str("code"));
        Assert.Equal("NOT_FOUND", noConsumer.Str("code"));
        Assert.Equal(version, (await server.Host.LatestEventAsync(cp)).Int("version"));
    }

    [Fact]
    public async Task A_consumer_is_updated_and_deleted_and_consumers_are_found_by_search_and_tags()
    {
        // Given three consumers
        var cp = await server.Host.CreateControlPlaneAsync("consumers-crud");
        var id = await ConsumerAsync(cp, "jane", "jane-001", ["vip"]);
        await ConsumerAsync(cp, "janet", null, ["vip", "eu"]);
        await ConsumerAsync(cp, "bob", "b-7", []);

        // When they are searched and filtered
        var read = await server.Admin.DataAsync("""
            query($cp: ID) { controlPlane(id: $cp) {
              jan: consumers(search: "JAN") { totalCount }
              byCustomId: consumers(search: "b-7") { edges { node { username } } }
              vip: consumers(tags: ["vip"]) { totalCount }
              vipEu: consumers(tags: ["vip", "eu"]) { edges { node { username } } }
              byUsername: consumer(username: "jane") { id customId tags }
            } }
            """, new { cp });

        // Then search is a case-insensitive substring of username or custom id, and tags must all be carried
        Assert.Equal(2, read.Int("controlPlane.jan.totalCount"));
        Assert.Equal("bob", read.Str("controlPlane.byCustomId.edges.0.node.username"));
        Assert.Equal(2, read.Int("controlPlane.vip.totalCount"));
        Assert.Equal("janet", read.Str("controlPlane.vipEu.edges.0.node.username"));
        Assert.Equal((id, "jane-001"), (read.Str("controlPlane.byUsername.id"), read.Str("controlPlane.byUsername.customId")));
        Assert.Equal("jane", (await server.Host.NodeAsync(id, "... on Consumer { username }")).Str("username"));

        // When jane's custom id changes and then she is deleted
        var updated = await server.Admin.OkAsync("updateConsumer",
            "mutation($cp: ID!, $id: ID!) { updateConsumer(input: {controlPlaneId: $cp, id: $id, customId: \"jane-002\", reason: \"crm\"}) { consumer { username customId tags } version errors { code } } }",
            new { cp, id });
        var updatedEvent = await server.Host.LatestEventAsync(cp);
        var deleted = await server.Admin.OkAsync("deleteConsumer",
            "mutation($cp: ID!, $id: ID!) { deleteConsumer(input: {controlPlaneId: $cp, id: $id}) { deletedId version errors { code } } }", new { cp, id });

        // Then the update kept the other fields, and the deletion removed her
        Assert.Equal(("jane", "jane-002"), (updated.Str("consumer.username"), updated.Str("consumer.customId")));
        Assert.Equal(["vip"], updated.Strings("consumer.tags"));
        Assert.Equal(("ConsumerUpdated", "CONSUMER", id, "admin", "crm"),
            (updatedEvent.Str("type"), updatedEvent.Str("entityType"), updatedEvent.Str("entityId"), updatedEvent.Str("actor"), updatedEvent.Str("reason")));
        Assert.Equal(id, deleted.Str("deletedId"));
        Assert.Equal(JsonValueKind.Null, (await server.Host.NodeAsync(id, "")).ValueKind);
        Assert.Equal("ConsumerDeleted", (await server.Host.LatestEventAsync(cp)).Str("type"));
    }

    [Fact]
    public async Task A_credential_is_not_a_node_and_node_never_answers_for_it()
    {
        // Given a consumer with a key
        var cp = await server.Host.CreateControlPlaneAsync("credentials-node");
        var consumer = await ConsumerAsync(cp, "kim");
        var credential = (await server.Admin.OkAsync("createCredential", CreateCredential, new { cp, c = consumer, kind = "KEY_AUTH", key = "kim-key" })).Str("credential.id")!;

        // When node(id) is asked for the credential
        var node = await server.Host.NodeAsync(credential, "");

        // Then there is no such node (the credential is read through its consumer)
        Assert.Equal(JsonValueKind.Null, node.ValueKind);
    }

    private async Task<string> ConsumerAsync(string cp, string username, string? customId = null, string[]? tags = null) =>
        (await server.Admin.OkAsync("createConsumer",
            "mutation($cp: ID!, $u: String, $ci: String, $t: [String!]) { createConsumer(input: {controlPlaneId: $cp, username: $u, customId: $ci, tags: $t}) { consumer { id } errors { code } } }",
            new { cp, u = username, ci = customId, t = tags ?? [] }))
        .Str("consumer.id")!;
}
