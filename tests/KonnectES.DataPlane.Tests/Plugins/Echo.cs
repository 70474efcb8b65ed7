using System.Text.Json.Nodes;

namespace KonnectES.DataPlane.Tests.Plugins;

/// <summary>Reads what the echo upstream received, and Kong error bodies.</summary>
internal static class Echo
{
    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The upstream request header, or null when it was not sent.</summary>
    public static string? Header(JsonObject echo, string name) => echo["headers"]![name.ToLowerInvariant()]?.GetValue<string>();

    public static async Task<string?> MessageAsync(HttpResponseMessage response) => (await ReadAsync(response))["message"]?.GetValue<string>();

    public static string? Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values) ? string.Join(", ", values) : null;
}
