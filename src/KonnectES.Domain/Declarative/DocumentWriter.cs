using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace KonnectES.Domain;

/// <summary>Serializes a JSON tree as indented JSON or as YAML.</summary>
internal static class DocumentWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Json(JsonNode document) => document.ToJsonString(Indented) + "\n";

    public static string Yaml(JsonNode document) =>
        new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build().Serialize(ToPlain(document));

    private static object? ToPlain(JsonNode? node) => node switch
    {
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => ConfigNormalizer.TryNumber(v, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15 ? (long)d : ConfigNormalizer.TryNumber(v, out var f) ? f : 0,
            _ => null,
        },
        _ => null,
    };
}
