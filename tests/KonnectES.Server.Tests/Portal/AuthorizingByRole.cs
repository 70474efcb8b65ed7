namespace KonnectES.Server.Tests.Portal;

public sealed class AuthorizingByRole(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string CreateService = "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, host: \"h\"}) { service { id } errors { code } } }";
    private const string Rollback = "mutation($cp: ID!) { rollbackConfig(input: {controlPlaneId: $cp, toVersion: 1}) { version errors { code } } }";
    private const string DataPlaneToken = "mutation($cp: ID!) { createDataPlaneToken(controlPlaneId: $cp) { token errors { code } } }";
    private const string CreatePlane = "mutation { createControlPlane(input: {name: \"other-%\"}) { controlPlane { id } errors { code } } }";

    [Fact]
    public async Task Each_role_may_do_exactly_its_kind_of_operation_and_never_sees_another_control_plane()
    {
        await using var host = new PortalHost(database);
        var x = await host.CreateControlPlaneAsync("x");
        var y = await host.CreateControlPlaneAsync("y");
        var viewer = host.Admin.As(await host.TokenAsync("viewer", "VIEWER", x));
        var editor = host.Admin.As(await host.TokenAsync("editor", "EDITOR", x));
        var cpAdmin = host.Admin.As(await host.TokenAsync("cp-admin", "CONTROL_PLANE_ADMIN", x));

        // reads: every role of X reads X, none reads Y
        foreach (var (client, name) in new[] { (viewer, "viewer"), (editor, "editor"), (cpAdmin, "cp-admin") })
        {
            var planes = await client.DataAsync("{ me { name } controlPlanes { totalCount edges { node { id } } } }");
            Assert.Equal(name, planes.GetProperty("me").GetProperty("name").GetString());
            Assert.Equal(1, planes.GetProperty("controlPlanes").GetProperty("totalCount").GetInt32());
            Assert.Equal(x, planes.GetProperty("controlPlanes").GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await client.DataAsync("query($id: ID) { controlPlane(id: $id) { name } }", new { id = y })).GetProperty("controlPlane").ValueKind);
            Assert.Equal("FORBIDDEN", await CodeAsync(client, CreateService, y, "createService"));
        }

        // config mutations: EDITOR and above
        Assert.Equal("FORBIDDEN", await CodeAsync(viewer, CreateService, x, "createService"));
        Assert.Null(await CodeAsync(editor, CreateService, x, "createService"));
        Assert.Null(await CodeAsync(cpAdmin, CreateService, x, "createService"));

        // rollback and data-plane tokens: CONTROL_PLANE_ADMIN and above
        Assert.Equal("FORBIDDEN", await CodeAsync(viewer, Rollback, x, "rollbackConfig"));
        Assert.Equal("FORBIDDEN", await CodeAsync(editor, Rollback, x, "rollbackConfig"));
        Assert.Null(await CodeAsync(cpAdmin, Rollback, x, "rollbackConfig"));
        Assert.Equal("FORBIDDEN", await CodeAsync(editor, DataPlaneToken, x, "createDataPlaneToken"));
        Assert.Null(await CodeAsync(cpAdmin, DataPlaneToken, x, "createDataPlaneToken"));

        // control planes and API tokens: ADMIN only
        Assert.Equal("FORBIDDEN", await CodeAsync(cpAdmin, CreatePlane.Replace("%", "a", StringComparison.Ordinal), null, "createControlPlane"));
        Assert.Null(await CodeAsync(host.Admin, CreatePlane.Replace("%", "b", StringComparison.Ordinal), null, "createControlPlane"));
        var token = await cpAdmin.DataAsync("mutation { createApiToken(input: {name: \"t\", roles: [{role: ADMIN}]}) { token errors { code } } }");
        Assert.Equal("FORBIDDEN", token.GetProperty("createApiToken").GetProperty("errors")[0].GetProperty("code").GetString());

        // the actor of every event is the token's name
        var history = await host.Admin.DataAsync("query($cp: ID) { controlPlane(id: $cp) { history(first: 1) { edges { node { actor } } } } }", new { cp = x });
        Assert.Equal("cp-admin", history.GetProperty("controlPlane").GetProperty("history").GetProperty("edges")[0].GetProperty("node").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Without_a_valid_token_every_field_is_unauthenticated_and_revoked_tokens_stop_working()
    {
        await using var host = new PortalHost(database);
        var x = await host.CreateControlPlaneAsync("z");
        var token = await host.TokenAsync("temp", "VIEWER", x);

        var anonymous = await host.Admin.As(null).PostAsync("{ me { name } }");
        var wrong = await host.Admin.As("kes_wrong").PostAsync("{ controlPlanes { totalCount } }");
        var revoke = await host.Admin.DataAsync("mutation { revokeApiToken(input: {name: \"temp\"}) { revoked errors { code } } }");
        var revoked = await host.Admin.As(token).PostAsync("{ me { name } }");

        Assert.Equal("UNAUTHENTICATED", anonymous.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("UNAUTHENTICATED", wrong.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(revoke.GetProperty("revokeApiToken").GetProperty("revoked").GetBoolean());
        Assert.Equal("UNAUTHENTICATED", revoked.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static async Task<string?> CodeAsync(PortalClient client, string mutation, string? cp, string field)
    {
        var data = await client.DataAsync(mutation, cp is null ? null : new { cp });
        var errors = data.GetProperty(field).GetProperty("errors");
        return errors.GetArrayLength() == 0 ? null : errors[0].GetProperty("code").GetString();
    }
}
