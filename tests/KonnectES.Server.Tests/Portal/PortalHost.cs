using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Server.Tests.Portal;

/// <summary>The server on a test database with a known admin token and a clock the tests may move forward.</summary>
internal sealed class PortalHost : IAsyncDisposable
{
    public const string AdminToken = "kes_test_admin_token";
    private readonly WebApplicationFactory<Program> _factory;

    public PortalHost(PostgresDatabase database)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:EventStore", database.ConnectionString)
            .UseSetting("KONNECTES_ADMIN_TOKEN", AdminToken)
            .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
        Admin = new PortalClient(_factory.CreateClient(), AdminToken);
    }

    public PortalClient Admin { get; }

    public HttpClient Http => _factory.CreateClient();

    /// <summary>The server's clock: real time plus whatever a test has advanced it by.</summary>
    public ManualClock Clock { get; } = new();

    public async Task<string> DefaultControlPlaneAsync() =>
        (await Admin.DataAsync("{ controlPlane(name: \"default\") { id } }")).GetProperty("controlPlane").GetProperty("id").GetString()!;

    public async Task<string> CreateControlPlaneAsync(string name) =>
        (await Admin.DataAsync("mutation($n: String!) { createControlPlane(input: {name: $n}) { controlPlane { id } errors { code } } }", new { n = name }))
            .GetProperty("createControlPlane").GetProperty("controlPlane").GetProperty("id").GetString()!;

    public async Task<string> TokenAsync(string name, string role, string? controlPlaneId)
    {
        var data = await Admin.DataAsync(
            "mutation($n: String!, $r: Role!, $cp: ID) { createApiToken(input: {name: $n, roles: [{role: $r, controlPlaneId: $cp}]}) { token errors { code message } } }",
            new { n = name, r = role, cp = controlPlaneId });
        return data.GetProperty("createApiToken").GetProperty("token").GetString()!;
    }

    /// <summary>The newest entry of a control plane's history, as the admin reads it.</summary>
    public async Task<System.Text.Json.JsonElement> LatestEventAsync(string controlPlaneId) =>
        (await Admin.DataAsync(
            "query($cp: ID) { controlPlane(id: $cp) { version history(first: 1) { edges { node { version type entityType entityId actor reason data } } } } }",
            new { cp = controlPlaneId }))
        .At("controlPlane.history.edges.0.node");

    /// <summary>A node by id with the given selection (e.g. <c>... on Upstream { name }</c>), as the admin reads it (JSON null when absent).</summary>
    public async Task<System.Text.Json.JsonElement> NodeAsync(string id, string selection) =>
        (await Admin.DataAsync($"query($id: ID!) {{ node(id: $id) {{ __typename id {selection} }} }}", new { id })).GetProperty("node");

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
