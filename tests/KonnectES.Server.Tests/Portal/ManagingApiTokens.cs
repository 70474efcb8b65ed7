using System.Text.Json;

namespace KonnectES.Server.Tests.Portal;

public sealed class ManagingApiTokens(PortalServer server) : IClassFixture<PortalServer>
{
    private const string Create =
        "mutation($n: String!, $r: [RoleGrantInput!]!, $e: DateTime) { createApiToken(input: {name: $n, roles: $r, expiresAt: $e}) { token errors { code message field } } }";

    private const string Me = "{ me { id name roles { role controlPlaneId } } }";

    [Fact]
    public async Task An_admin_issues_a_scoped_token_that_acts_under_its_name_until_it_is_revoked()
    {
        // Given a control plane
        var cp = await server.Host.CreateControlPlaneAsync("tokens-revoke");

        // When an admin issues an editor token for it
        var token = (await server.Admin.OkAsync("createApiToken", Create,
            new { n = "deploy-bot", r = new[] { new { role = "EDITOR", controlPlaneId = cp } } })).Str("token")!;
        var bot = server.Admin.As(token);

        // Then the token is shown once, knows its name and role, and its changes carry its name
        Assert.StartsWith("kes_", token, StringComparison.Ordinal);
        var me = await bot.DataAsync(Me);
        Assert.Equal(("deploy-bot", "EDITOR", cp), (me.Str("me.name"), me.Str("me.roles.0.role"), me.Str("me.roles.0.controlPlaneId")));
        await bot.OkAsync("createService", "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, host: \"bot\"}) { service { id } errors { code } } }", new { cp });
        Assert.Equal("deploy-bot", (await server.Host.LatestEventAsync(cp)).Str("actor"));

        // When it is revoked, then revoked again
        var revoked = await server.Admin.OkAsync("revokeApiToken", "mutation { revokeApiToken(input: {name: \"deploy-bot\"}) { revoked errors { code } } }");
        var again = await server.Admin.DataAsync("mutation { revokeApiToken(input: {name: \"deploy-bot\"}) { revoked errors { code message field } } }");

        // Then it no longer authenticates anything, and a second revocation finds no active token
        Assert.True(revoked.At("revoked").GetBoolean());
        foreach (var document in new[] { Me, "{ controlPlanes { totalCount } }" })
        {
            var refused = await bot.PostAsync(document);
            Assert.Equal("UNAUTHENTICATED", refused.Str("errors.0.extensions.code"));
            Assert.DoesNotContain("tokens-revoke", refused.ToString(), StringComparison.Ordinal);
        }

        Assert.False(again.At("revokeApiToken.revoked").GetBoolean());
        UserErrors.AssertIs(again.At("revokeApiToken.errors.0"), "NOT_FOUND", "name");
        Assert.Equal("admin", (await server.Admin.DataAsync(Me)).Str("me.name"));
    }

    [Fact]
    public async Task A_token_works_until_its_expiry_and_is_unauthenticated_after_it()
    {
        // Given a viewer token that expires in an hour
        var cp = await server.Host.CreateControlPlaneAsync("tokens-expiry");
        var expiresAt = server.Host.Clock.GetUtcNow().AddHours(1);
        var token = (await server.Admin.OkAsync("createApiToken", Create,
            new { n = "short-lived", r = new[] { new { role = "VIEWER", controlPlaneId = cp } }, e = expiresAt })).Str("token");
        var client = server.Admin.As(token);
        var before = await client.DataAsync(Me);

        // When the server's clock passes the expiry
        server.Host.Clock.Advance(TimeSpan.FromHours(2));
        var after = await client.PostAsync(Me);

        // Then the token was accepted before, is refused after, and the admin token (no expiry) still works
        Assert.Equal("short-lived", before.Str("me.name"));
        Assert.Equal("UNAUTHENTICATED", after.Str("errors.0.extensions.code"));
        Assert.True(!after.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null);
        Assert.Equal("admin", (await server.Admin.DataAsync(Me)).Str("me.name"));
    }

    [Fact]
    public async Task Malformed_grants_taken_names_unknown_control_planes_and_past_expiries_are_refused()
    {
        // Given a control plane and a token named "taken"
        var cp = await server.Host.CreateControlPlaneAsync("tokens-invalid");
        await server.Admin.OkAsync("createApiToken", Create, new { n = "taken", r = new[] { new { role = "VIEWER", controlPlaneId = cp } } });

        // When malformed requests are sent
        var scopedAdmin = await server.Admin.UserErrorAsync("createApiToken", Create, new { n = "a", r = new[] { new { role = "ADMIN", controlPlaneId = cp } } });
        var unscopedEditor = await server.Admin.UserErrorAsync("createApiToken", Create, new { n = "b", r = new[] { new { role = "EDITOR", controlPlaneId = (string?)null } } });
        var unknownPlane = await server.Admin.UserErrorAsync("createApiToken", Create, new { n = "c", r = new[] { new { role = "VIEWER", controlPlaneId = Guid.NewGuid().ToString() } } });
        var taken = await server.Admin.UserErrorAsync("createApiToken", Create, new { n = "taken", r = new[] { new { role = "VIEWER", controlPlaneId = cp } } });
        var past = await server.Admin.UserErrorAsync("createApiToken", Create,
            new { n = "d", r = new[] { new { role = "VIEWER", controlPlaneId = cp } }, e = server.Host.Clock.GetUtcNow().AddMinutes(-1) });
        var revokeUnknown = await server.Admin.UserErrorAsync("revokeApiToken", "mutation { revokeApiToken(input: {name: \"nobody\"}) { revoked errors { code message field } } }");

        // Then each is a user error with its code and field, and none of those tokens exists
        UserErrors.AssertIs(scopedAdmin, "VALIDATION", "roles");
        UserErrors.AssertIs(unscopedEditor, "VALIDATION", "roles");
        UserErrors.AssertIs(unknownPlane, "NOT_FOUND", "roles");
        UserErrors.AssertIs(taken, "CONFLICT", "name");
        UserErrors.AssertIs(past, "VALIDATION", "expiresAt");
        UserErrors.AssertIs(revokeUnknown, "NOT_FOUND", "name");
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            Assert.False((await server.Admin.DataAsync("mutation($n: String!) { revokeApiToken(input: {name: $n}) { revoked } }", new { n = name })).At("revokeApiToken.revoked").GetBoolean());
        }
    }
}
