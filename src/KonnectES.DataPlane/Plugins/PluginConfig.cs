using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// Typed reads of a plugin's <c>config</c> object. A missing or null field takes Kong's default; a value of
/// the wrong type throws <see cref="PluginConfigException"/> naming the field.
/// </summary>
internal readonly struct PluginConfig(JsonElement element, string path = "config")
{
    /// <summary>An empty config (every field takes its default).</summary>
    public static PluginConfig Empty { get; } = new(JsonDocument.Parse("{}").RootElement.Clone());

    public bool Has(string name) => Get(name) is not null;

    public string? String(string name) => Get(name) is { } v
        ? v.ValueKind == JsonValueKind.String ? v.GetString() : throw Invalid(name, "a string")
        : null;

    public string String(string name, string defaultValue) => String(name) ?? defaultValue;

    public bool Bool(string name, bool defaultValue) => Get(name) is { } v
        ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(name, "a boolean"),
        }
        : defaultValue;

    public double? Number(string name) => Get(name) is { } v
        ? v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw Invalid(name, "a number")
        : null;

    public long Integer(string name, long defaultValue) => Get(name) is { } v
        ? v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : throw Invalid(name, "an integer")
        : defaultValue;

    public long? Integer(string name) => Has(name) ? Integer(name, 0) : null;

    public ImmutableArray<string> Strings(string name, params string[] defaultValue)
    {
        if (Get(name) is not { } v)
        {
            return [.. defaultValue];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(name, "an array");
        }

        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var item in v.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Invalid(name, "an array of strings"));
        }

        return items.ToImmutable();
    }

    public ImmutableArray<long> Integers(string name, params long[] defaultValue)
    {
        if (Get(name) is not { } v)
        {
            return [.. defaultValue];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(name, "an array");
        }

        var items = ImmutableArray.CreateBuilder<long>();
        foreach (var item in v.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var n) ? n : throw Invalid(name, "an array of integers"));
        }

        return items.ToImmutable();
    }

    public PluginConfig Record(string name) => Get(name) is { } v
        ? v.ValueKind == JsonValueKind.Object ? new PluginConfig(v, path + "." + name) : throw Invalid(name, "a record")
        : new PluginConfig(Empty.Element, path + "." + name);

    public JsonElement Element => element;

    public PluginConfigException Invalid(string name, string expected) =>
        new($"{path}.{name}: expected {expected}");

    public PluginConfigException Error(string name, string message) => new($"{path}.{name}: {message}");

    private JsonElement? Get(string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    /// <summary>Number as Kong prints it in headers: no decimals for whole values.</summary>
    public static string Show(double value) => value.ToString(value == Math.Floor(value) ? "0" : "0.###", CultureInfo.InvariantCulture);
}
