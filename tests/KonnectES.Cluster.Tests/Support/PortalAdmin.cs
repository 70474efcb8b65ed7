using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KonnectES.Cluster.Support;

/// <summary>The portal's GraphQL API over real HTTP, with the admin token: how configuration changes in the cluster suites.</summary>
internal sealed class PortalAdmin(HttpClient http, string token)
{
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return result.TryGetProperty("errors", out var errors)
            ? throw new InvalidOperationException("GraphQL errors: " + errors)
            : result.GetProperty("data");
    }

    public async Task<string> CreateControlPlaneAsync(string name) =>
        Ok(await DataAsync("mutation($n: String!) { createControlPlane(input: {name: $n}) { controlPlane { id } errors { code message } } }", new { n = name }),
            "createControlPlane").GetProperty("controlPlane").GetProperty("id").GetString()!;

    public async Task<string> CreateDataPlaneTokenAsync(string controlPlaneId) =>
        Ok(await DataAsync("mutation($cp: ID!) { createDataPlaneToken(controlPlaneId: $cp) { token errors { code message } } }", new { cp = controlPlaneId }),
            "createDataPlaneToken").GetProperty("token").GetString()!;

    public async Task<string> CreateServiceAsync(string controlPlaneId, string name, string host = "backend.internal") =>
        Ok(await DataAsync("mutation($cp: ID!, $n: String!, $h: String!) { createService(input: {controlPlaneId: $cp, name: $n, host: $h}) { service { id } errors { code message } } }",
            new { cp = controlPlaneId, n = name, h = host }), "createService").GetProperty("service").GetProperty("id").GetString()!;

    public async Task<string> CreateRouteAsync(string controlPlaneId, string serviceId, string name, string path) =>
        Ok(await DataAsync("mutation($cp: ID!, $s: ID!, $n: String!, $p: String!) { createRoute(input: {controlPlaneId: $cp, serviceId: $s, name: $n, paths: [$p]}) { route { id } errors { code message } } }",
            new { cp = controlPlaneId, s = serviceId, n = name, p = path }), "createRoute").GetProperty("route").GetProperty("id").GetString()!;

    /// <summary>Moves a route to another path; returns the new configuration version.</summary>
    public async Task<long> UpdateRoutePathAsync(string controlPlaneId, string routeId, string serviceId, string name, string path) =>
        Ok(await DataAsync("mutation($cp: ID!, $id: ID!, $s: ID!, $n: String!, $p: String!) { updateRoute(input: {controlPlaneId: $cp, id: $id, serviceId: $s, name: $n, paths: [$p]}) { version errors { code message } } }",
            new { cp = controlPlaneId, id = routeId, s = serviceId, n = name, p = path }), "updateRoute").GetProperty("version").GetInt64();

    public async Task<string> CreatePluginAsync(string controlPlaneId, string name, string? serviceId = null) =>
        Ok(await DataAsync("mutation($cp: ID!, $n: String!, $s: ID) { createPlugin(input: {controlPlaneId: $cp, name: $n, serviceId: $s}) { plugin { id } errors { code message } } }",
            new { cp = controlPlaneId, n = name, s = serviceId }), "createPlugin").GetProperty("plugin").GetProperty("id").GetString()!;

    public async Task ImportYamlAsync(string controlPlaneId, string yaml) =>
        Ok(await DataAsync("mutation($cp: ID!, $d: String!) { importConfig(input: {controlPlaneId: $cp, format: YAML, document: $d, mode: MERGE}) { version errors { code message } } }",
            new { cp = controlPlaneId, d = yaml }), "importConfig");

    private static JsonElement Ok(JsonElement data, string field)
    {
        var payload = data.GetProperty(field);
        return payload.GetProperty("errors").GetArrayLength() == 0
            ? payload
            : throw new InvalidOperationException($"{field} failed: {payload.GetProperty("errors")}");
    }
}
