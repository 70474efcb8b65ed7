using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KonnectES.Server.Tests.Portal;

/// <summary>Posts GraphQL documents with a bearer token and returns the parsed response.</summary>
internal sealed class PortalClient(HttpClient http, string? token)
{
    public async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
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

    public PortalClient As(string? otherToken) => new(http, otherToken);
}
