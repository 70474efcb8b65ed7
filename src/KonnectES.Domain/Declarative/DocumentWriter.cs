using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    public static string Yaml(JsonObject document) => YamlEmitter.Write(document);
}
