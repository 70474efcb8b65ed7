using System.Collections.Immutable;
using System.Text.Json;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// Small readers for entity objects of a Kong declarative snapshot (absent and null read as defaults): by field name,
/// or on a field's value already found (a default <see cref="JsonElement"/> stands for an absent field).
/// </summary>
internal static class SnapshotJson
{
    /// <summary>The objects of a top-level section, or none.</summary>
    public static IEnumerable<JsonElement> Section(JsonElement snapshot, string name) =>
        snapshot.ValueKind == JsonValueKind.Object && snapshot.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Array
            ? section.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>A string field, or null.</summary>
    public static string? String(JsonElement entity, string name) => String(Field(entity, name));

    /// <summary>An integer field, or <paramref name="fallback"/>.</summary>
    public static long Integer(JsonElement entity, string name, long fallback) => Integer(Field(entity, name), fallback);

    /// <summary>A boolean field, or <paramref name="fallback"/>.</summary>
    public static bool Boolean(JsonElement entity, string name, bool fallback) => Boolean(Field(entity, name), fallback);

    /// <summary>An array of strings (non-strings skipped), or empty.</summary>
    public static ImmutableArray<string> Strings(JsonElement entity, string name) => Strings(Field(entity, name));

    /// <summary>A foreign key: <c>{"id": "…"}</c> or a bare id string; null when absent.</summary>
    public static string? Reference(JsonElement entity, string name) => Reference(Field(entity, name));

    /// <summary>The <c>headers</c> map of a route: name → values, in document order; empty when absent.</summary>
    public static ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> HeaderMap(JsonElement entity, string name) =>
        HeaderMap(Field(entity, name));

    /// <summary>A string value, or null.</summary>
    public static string? String(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integer value, or <paramref name="fallback"/>.</summary>
    public static long Integer(JsonElement value, long fallback) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : fallback;

    /// <summary>A boolean value, or <paramref name="fallback"/>.</summary>
    public static bool Boolean(JsonElement value, bool fallback) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : fallback;

    /// <summary>The strings of an array value (non-strings skipped), or empty.</summary>
    public static ImmutableArray<string> Strings(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var strings = ImmutableArray.CreateBuilder<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                strings.Add(item.GetString()!);
            }
        }

        return strings.DrainToImmutable();
    }

    /// <summary>A foreign key value: <c>{"id": "…"}</c> or a bare id string; null otherwise.</summary>
    public static string? Reference(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object => String(value, "id"),
        _ => null,
    };

    /// <summary>A <c>headers</c> map value: name → values, in document order; empty when not an object.</summary>
    public static ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> HeaderMap(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return [.. value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.Array
            ? [.. p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : ImmutableArray<string>.Empty))];
    }

    private static JsonElement Field(JsonElement entity, string name) =>
        entity.TryGetProperty(name, out var value) ? value : default;
}
