using System.Net;
using System.Text;

namespace KonnectES.Server.Tests.Portal;

public sealed class RefusingHostileDocuments(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Deep_costly_aliased_and_junk_documents_are_refused_and_the_server_stays_healthy()
    {
        await using var host = new PortalHost(database);
        var deep = "{ controlPlanes { edges { node { services { edges { node { routes { edges { node { service { routes { edges { node { service { routes { edges { node { service { name } } } } } } } } } } } } } } } } } } }";
        var costly = "{ " + string.Join(" ", Enumerable.Range(0, 60).Select(i =>
            $"c{i}: controlPlanes {{ edges {{ node {{ services {{ edges {{ node {{ routes {{ edges {{ node {{ id }} }} }} }} }} }} }} }} }}")) + " }";
        var aliases = "{ " + string.Join(" ", Enumerable.Range(0, 1000).Select(i => $"a{i}: me {{ name }}")) + " }";
        var junk = "{ controlPlanes { " + new string('{', 5000);

        foreach (var document in new[] { deep, costly, aliases, junk })
        {
            var result = await host.Admin.PostAsync(document);
            Assert.True(result.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0, document[..40]);
            Assert.False(result.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object);
        }

        using var http = host.Http;
        using var garbage = await http.PostAsync(new Uri("/graphql", UriKind.Relative), new StringContent("\u0000not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("admin", (await host.Admin.DataAsync("{ me { name } }")).GetProperty("me").GetProperty("name").GetString());
    }
}
