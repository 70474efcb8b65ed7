using System.Collections.Immutable;
using System.Text.Json;

namespace KonnectES.DataPlane.Routing;

/// <summary>Small readers for entity objects of a Kong declarative snapshot (absent and null read as defaults).</summary>
internal static class SnapshotJson
{
    /// <summary>The objects of a top-level section, or none.</summary>
    public static IEnumerable<JsonElement> Section(JsonElement snapshot, string name) =>
        snapshot.ValueKind == JsonValueKind.Object && snapshot.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Array
            ? section.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>A string field, or null.</summary>
    public static string? String(JsonElement entity, string name) =>
        entity.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integer field, or <paramref name="fallback"/>.</summary>
    public static long Integer(JsonElement entity, string name, long fallback) =>
        entity.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : fallback;

    /// <summary>A boolean field, or <paramref name="fallback"/>.</summary>
    public static bool Boolean(JsonElement entity, string name, bool fallback) =>
        entity.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : fallback;

    /// <summary>An array of strings (non-strings skipped), or empty.</summary>
    public static ImmutableArray<string> Strings(JsonElement entity, string name) =>
        entity.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    /// <summary>A foreign key: <c>{"id": "…"}</c> or a bare id string; null when absent.</summary>
    public static string? Reference(JsonElement entity, string name)
    {
        if (!entity.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => String(value, "id"),
            _ => null,
        };
    }

    /// <summary>The <c>headers</c> map of a route: name → values, in document order; empty when absent.</summary>
    public static ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> HeaderMap(JsonElement entity, string name)
    {
        if (!entity.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return [.. value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.Array
            ? [.. p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : ImmutableArray<string>.Empty))];
    }
}
