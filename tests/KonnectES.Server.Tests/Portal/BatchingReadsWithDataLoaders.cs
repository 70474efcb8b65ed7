namespace KonnectES.Server.Tests.Portal;

public sealed class BatchingReadsWithDataLoaders(PortalServer server) : IClassFixture<PortalServer>
{
    private const string RoutesWithServices =
        "query($cp: ID) { controlPlane(id: $cp) { routes(first: 200) { totalCount edges { node { paths service { name host } } } } } }";

    [Fact]
    public async Task Listing_routes_with_their_services_sends_as_many_database_commands_for_100_routes_as_for_10()
    {
        // Given two control planes, with 10 and with 100 routes, each route on a service of its own
        var ten = await ControlPlaneWithRoutesAsync("loader-10", 10);
        var hundred = await ControlPlaneWithRoutesAsync("loader-100", 100);
        using var commands = new DatabaseCommands();

        // When each list is read with every route's service, in a trace of its own
        var (tenTrace, tenParent) = DatabaseCommands.NewTrace();
        var tenRoutes = await server.Admin.InTrace(tenParent).DataAsync(RoutesWithServices, new { cp = ten });
        var (hundredTrace, hundredParent) = DatabaseCommands.NewTrace();
        var hundredRoutes = await server.Admin.InTrace(hundredParent).DataAsync(RoutesWithServices, new { cp = hundred });

        // Then every route comes with its own service
        foreach (var (data, count) in new[] { (tenRoutes, 10), (hundredRoutes, 100) })
        {
            var edges = data.At("controlPlane.routes.edges");
            Assert.Equal(count, edges.GetArrayLength());
            Assert.All(edges.EnumerateArray(), e => Assert.Equal(
                "/" + e.Str("node.service.name"), e.Strings("node.paths")[0]));
        }

        // And the database saw the same number of commands for both: the services were loaded in one batch
        Assert.True(commands.In(tenTrace) > 0, "no database command was observed in the request's trace");
        Assert.Equal(commands.In(tenTrace), commands.In(hundredTrace));
    }

    private async Task<string> ControlPlaneWithRoutesAsync(string name, int routes)
    {
        var cp = await server.Host.CreateControlPlaneAsync(name);
        for (var start = 0; start < routes; start += 50)
        {
            var batch = Enumerable.Range(start, Math.Min(50, routes - start)).ToList();
            var services = await server.Admin.DataAsync("mutation($cp: ID!) { " + string.Join(" ", batch.Select(i =>
                $"s{i}: createService(input: {{controlPlaneId: $cp, name: \"{name}-s{i}\", host: \"h{i}.internal\"}}) {{ service {{ id }} }}")) + " }", new { cp });
            await server.Admin.DataAsync("mutation($cp: ID!) { " + string.Join(" ", batch.Select(i =>
                $"r{i}: createRoute(input: {{controlPlaneId: $cp, serviceId: \"{services.Str($"s{i}.service.id")}\", paths: [\"/{name}-s{i}\"]}}) {{ route {{ id }} }}")) + " }", new { cp });
        }

        return cp;
    }
}
