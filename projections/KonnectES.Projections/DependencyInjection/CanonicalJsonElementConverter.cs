using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KonnectES.Projections;

/// <summary>
/// Reads free-form JSON values (plugin <c>config</c>) with object keys in ordinal order, recursively: the domain's
/// canonical form. Event bodies come back from <c>jsonb</c>, which reorders keys (shorter keys first); without this
/// a replayed plugin would serialize, and hash, differently from the one that was decided.
/// </summary>
internal sealed class CanonicalJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        return JsonSerializer.SerializeToElement(Sorted(node));
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        value.WriteTo(writer);
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
