using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KonnectES.EndToEnd.Tests.Support;

/// <summary>The portal's GraphQL API over real HTTP with a bearer token.</summary>
internal sealed class Portal(Uri address, string token) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = address };

    /// <summary>Runs an operation and returns <c>data</c>; fails on any GraphQL error.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            throw new InvalidOperationException("GraphQL errors: " + errors);
        }

        return body.GetProperty("data");
    }

    /// <summary>The id of the control plane named <paramref name="name"/>.</summary>
    public async Task<string> ControlPlaneIdAsync(string name) =>
        (await DataAsync("query($n: String!) { controlPlane(name: $n) { id } }", new { n = name }))
            .GetProperty("controlPlane").GetProperty("id").GetString()!;

    /// <summary>Replaces the control plane's configuration with a Kong declarative YAML document; returns the new version.</summary>
    public async Task<long> ImportAsync(string controlPlaneId, string yaml)
    {
        var payload = (await DataAsync(
            "mutation($i: ImportConfigInput!) { importConfig(input: $i) { version errors { code message } } }",
            new { i = new { controlPlaneId, format = "YAML", mode = "REPLACE", document = yaml } })).GetProperty("importConfig");
        Assert.True(payload.GetProperty("errors").GetArrayLength() == 0, payload.ToString());
        return payload.GetProperty("version").GetInt64();
    }

    /// <summary>The data-plane nodes of a control plane as the portal lists them.</summary>
    public async Task<JsonElement> DataPlanesAsync(string controlPlaneName) =>
        (await DataAsync(
            "query($n: String!) { controlPlane(name: $n) { version dataPlanes { id configVersion syncStatus lastError } } }", new { n = controlPlaneName }))
            .GetProperty("controlPlane");

    public void Dispose() => _http.Dispose();
}
