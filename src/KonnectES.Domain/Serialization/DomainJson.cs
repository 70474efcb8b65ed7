using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KonnectES.Domain;

/// <summary>
/// The JSON contract of events and entities: camelCase properties, snake_case enum values, nulls
/// omitted. Plugin <c>config</c> objects and header maps keep their Kong keys. Stable: renaming a
/// property is a breaking change for stored events.
/// </summary>
public static class DomainJson
{
    /// <summary>Options for serializing events, commands and entities.</summary>
    public static JsonSerializerOptions Options { get; } = Create(JsonNamingPolicy.CamelCase);

    /// <summary>Kong's own snake_case field names (declarative config, snapshots).</summary>
    internal static JsonSerializerOptions KongOptions { get; } = Create(JsonNamingPolicy.SnakeCaseLower);

    /// <summary>Serializes an event (or any domain value) with <see cref="Options"/>.</summary>
    public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>Deserializes an event of a known CLR type.</summary>
    public static object? Deserialize(string json, Type type) => JsonSerializer.Deserialize(json, type, Options);

    /// <summary>
    /// The canonical serialization of an entity: <see cref="Options"/>, no whitespace. It is canonical
    /// because every ordering is fixed: properties in declaration order, sets sorted on write, maps
    /// are sorted dictionaries and plugin configs are stored with sorted keys. Equal entities ⇔ equal strings.
    /// </summary>
    public static string Canonical(ConfigEntity entity) => Encoding.UTF8.GetString(CanonicalUtf8(entity));

    internal static byte[] CanonicalUtf8(ConfigEntity entity)
    {
        // A plugin config is free-form JSON: a store such as PostgreSQL jsonb may hand it back with
        // keys reordered and numbers respelled, so it is canonicalised before hashing or comparing.
        if (entity is Plugin plugin)
        {
            entity = plugin with { Config = JsonSerializer.SerializeToElement(CanonicalNode(JsonNode.Parse(plugin.Config.GetRawText()))) };
        }

        return JsonSerializer.SerializeToUtf8Bytes(entity, entity.GetType(), Options);
    }

    /// <summary>Keys sorted ordinally, integral numbers as integers, strings re-encoded.</summary>
    internal static JsonNode? CanonicalNode(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, CanonicalNode(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(CanonicalNode)]),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(v.GetValue<string>()),
            JsonValueKind.Number => ConfigNormalizer.TryNumber(v, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15
                ? JsonValue.Create((long)d)
                : JsonValue.Create(ConfigNormalizer.TryNumber(v, out var f) ? f : 0),
            _ => v.DeepClone(),
        },
        _ => null,
    };

    internal static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Entities serialize their data only: read-only properties such as <c>EntityType</c> are derived.</summary>
    private static void SkipComputedEntityProperties(JsonTypeInfo info)
    {
        if (!typeof(ConfigEntity).IsAssignableFrom(info.Type) || info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    private static JsonSerializerOptions Create(JsonNamingPolicy naming)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = naming,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = false,

            // PostgreSQL jsonb reorders keys, so "$kind" may not come first.
            AllowOutOfOrderMetadataProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipComputedEntityProperties } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
