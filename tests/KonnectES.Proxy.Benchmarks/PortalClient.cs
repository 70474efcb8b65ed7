using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>The portal's GraphQL API over HTTP with the admin token: how the data plane is configured.</summary>
internal sealed class PortalClient(string url, string token)
{
    public async Task<JsonElement> ExecuteAsync(string query, JsonObject? variables, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Http.Client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(body);
        if (!response.IsSuccessStatusCode || document.RootElement.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"GraphQL request failed ({(int)response.StatusCode}): {body}");
        }

        return document.RootElement.GetProperty("data").Clone();
    }

    public async Task<string> DefaultControlPlaneIdAsync(CancellationToken cancellationToken)
    {
        var data = await ExecuteAsync("{ controlPlane(name: \"default\") { id } }", null, cancellationToken);
        return data.GetProperty("controlPlane").GetProperty("id").GetString()!;
    }

    /// <summary>Replaces the control plane's configuration; returns the version the import committed.</summary>
    public async Task<long> ImportAsync(string controlPlaneId, string yaml, string reason, CancellationToken cancellationToken)
    {
        const string Mutation = """
            mutation Import($input: ImportConfigInput!) {
              importConfig(input: $input) { version errors { code message } }
            }
            """;
        var input = new JsonObject
        {
            ["controlPlaneId"] = controlPlaneId,
            ["format"] = "YAML",
            ["document"] = yaml,
            ["mode"] = "REPLACE",
            ["reason"] = reason,
        };
        var payload = (await ExecuteAsync(Mutation, new JsonObject { ["input"] = input }, cancellationToken)).GetProperty("importConfig");
        if (payload.GetProperty("errors").GetArrayLength() > 0 || payload.GetProperty("version").ValueKind != JsonValueKind.Number)
        {
            throw new InvalidOperationException($"importConfig failed: {payload}");
        }

        return payload.GetProperty("version").GetInt64();
    }

    /// <summary>A new data-plane token of the control plane (shown once).</summary>
    public async Task<string> CreateDataPlaneTokenAsync(string controlPlaneId, string name, CancellationToken cancellationToken)
    {
        const string Mutation = """
            mutation Token($controlPlaneId: ID!, $name: String) {
              createDataPlaneToken(controlPlaneId: $controlPlaneId, name: $name) { token errors { message } }
            }
            """;
        var payload = (await ExecuteAsync(Mutation, new JsonObject { ["controlPlaneId"] = controlPlaneId, ["name"] = name }, cancellationToken))
            .GetProperty("createDataPlaneToken");
        return payload.GetProperty("token").GetString() is { Length: > 0 } token ? token : throw new InvalidOperationException($"createDataPlaneToken failed: {payload}");
    }
}
