using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KonnectES.Server.Tests.Portal;

/// <summary>Posts GraphQL documents with a bearer token and returns the parsed response.</summary>
internal sealed class PortalClient(HttpClient http, string? token, string? traceParent = null)
{
    public async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Posts and asserts there are no GraphQL errors; returns <c>data</c>.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var result = await PostAsync(query, variables);
        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        return result.GetProperty("data");
    }

    /// <summary>Runs a mutation and asserts its payload (the field <paramref name="field"/>) has no user errors.</summary>
    public async Task<JsonElement> OkAsync(string field, string query, object? variables = null)
    {
        var payload = (await DataAsync(query, variables)).GetProperty(field);
        Assert.True(payload.GetProperty("errors").GetArrayLength() == 0, payload.ToString());
        return payload;
    }

    /// <summary>Runs a mutation and returns the first user error of its payload (asserting there is one).</summary>
    public async Task<JsonElement> UserErrorAsync(string field, string query, object? variables = null)
    {
        var payload = (await DataAsync(query, variables)).GetProperty(field);
        Assert.True(payload.GetProperty("errors").GetArrayLength() > 0, payload.ToString());
        return payload.GetProperty("errors")[0];
    }

    public PortalClient As(string? otherToken) => new(http, otherToken, traceParent);

    /// <summary>The same client, sending a W3C <c>traceparent</c> so the server's work joins that trace.</summary>
    public PortalClient InTrace(string w3cTraceParent) => new(http, token, w3cTraceParent);
}
