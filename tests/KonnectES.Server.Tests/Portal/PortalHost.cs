using KonnectES.ControlPlane.Portal;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Server.Tests.Portal;

/// <summary>The server on a test database with a known admin token.</summary>
internal sealed class PortalHost : IAsyncDisposable
{
    public const string AdminToken = "kes_test_admin_token";
    private readonly WebApplicationFactory<Program> _factory;

    public PortalHost(PostgresDatabase database)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:EventStore", database.ConnectionString)
            .UseSetting("KONNECTES_ADMIN_TOKEN", AdminToken));
        Admin = new PortalClient(_factory.CreateClient(), AdminToken);
    }

    public PortalClient Admin { get; }

    public HttpClient Http => _factory.CreateClient();

    public PortalReads Reads => _factory.Services.GetRequiredService<PortalReads>();

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

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
