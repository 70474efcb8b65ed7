namespace KonnectES.Server.Tests.Portal;

public sealed class ManagingConfigurationThroughThePortal(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task An_admin_creates_a_service_and_a_route_audits_the_change_and_rolls_it_back()
    {
        // Given the default control plane created on first start
        await using var host = new PortalHost(database);
        var cp = await host.DefaultControlPlaneAsync();

        // When a service and a route are created
        var service = (await host.Admin.DataAsync(
            "mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, name: \"echo\", url: \"https://example.com:8443/api\", reason: \"first\"}) { service { id protocol host port path } version errors { code } } }",
            new { cp })).GetProperty("createService");
        var serviceId = service.GetProperty("service").GetProperty("id").GetString();
        var route = (await host.Admin.DataAsync(
            "mutation($cp: ID!, $s: ID!) { createRoute(input: {controlPlaneId: $cp, name: \"r\", serviceId: $s, paths: [\"/echo\"]}) { route { paths service { name } } version errors { code } } }",
            new { cp, s = serviceId })).GetProperty("createRoute");

        // Then both are stored, and the history names the token and the reason
        Assert.Equal("https", service.GetProperty("service").GetProperty("protocol").GetString());
        Assert.Equal(8443, service.GetProperty("service").GetProperty("port").GetInt32());
        Assert.Equal("/api", service.GetProperty("service").GetProperty("path").GetString());
        Assert.Equal("echo", route.GetProperty("route").GetProperty("service").GetProperty("name").GetString());
        var version = route.GetProperty("version").GetInt32();
        var history = (await host.Admin.DataAsync(
            "query($cp: ID!) { controlPlane(id: $cp) { history(first: 2) { totalCount edges { node { type actor reason entityType } } } } }", new { cp }))
            .GetProperty("controlPlane").GetProperty("history");
        Assert.Equal(version, history.GetProperty("totalCount").GetInt32());
        var edges = history.GetProperty("edges");
        Assert.Equal("RouteCreated", edges[0].GetProperty("node").GetProperty("type").GetString());
        Assert.Equal("admin", edges[1].GetProperty("node").GetProperty("actor").GetString());
        Assert.Equal("first", edges[1].GetProperty("node").GetProperty("reason").GetString());

        // And a rollback to before the service removes both as a new version
        var rollback = (await host.Admin.DataAsync(
            "mutation($cp: ID!, $v: Int!) { rollbackConfig(input: {controlPlaneId: $cp, toVersion: $v, reason: \"undo\"}) { version diff { changes { entityType change } } errors { code } } }",
            new { cp, v = version - 2 })).GetProperty("rollbackConfig");
        Assert.Equal(version + 1, rollback.GetProperty("version").GetInt32());
        Assert.Equal(2, rollback.GetProperty("diff").GetProperty("changes").GetArrayLength());
        var after = await host.Admin.DataAsync("query($cp: ID!) { controlPlane(id: $cp) { services { totalCount } routes { totalCount } } }", new { cp });
        Assert.Equal(0, after.GetProperty("controlPlane").GetProperty("services").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Expected_failures_are_user_errors_with_codes()
    {
        await using var host = new PortalHost(database);
        var cp = await host.CreateControlPlaneAsync("errors");

        var invalid = (await host.Admin.DataAsync("mutation($cp: ID!) { createService(input: {controlPlaneId: $cp, host: \"x\", port: 70000}) { service { id } errors { code field } } }", new { cp }))
            .GetProperty("createService");
        var missing = (await host.Admin.DataAsync($"mutation($cp: ID!) {{ updateRoute(input: {{controlPlaneId: $cp, id: \"{Guid.NewGuid()}\"}}) {{ route {{ id }} errors {{ code }} }} }}", new { cp }))
            .GetProperty("updateRoute");
        var stale = (await host.Admin.DataAsync("mutation($cp: ID!) { createConsumer(input: {controlPlaneId: $cp, username: \"u\", expectedVersion: 99}) { consumer { id } errors { code } } }", new { cp }))
            .GetProperty("createConsumer");
        var taken = (await host.Admin.DataAsync("mutation { createControlPlane(input: {name: \"errors\"}) { controlPlane { id } errors { code } } }"))
            .GetProperty("createControlPlane");

        Assert.Equal("VALIDATION", invalid.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKindNull, invalid.GetProperty("service").ValueKind);
        Assert.Equal("NOT_FOUND", missing.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("VERSION_CONFLICT", stale.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("CONFLICT", taken.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
