using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KonnectES.Domain;

/// <summary>
/// A small block-style YAML writer for JSON trees: plain scalars where YAML reads them back as the
/// same string, JSON-style double quotes otherwise (valid YAML), so every value round-trips exactly.
/// </summary>
internal static partial class YamlEmitter
{
    [GeneratedRegex(@"^[A-Za-z0-9_/~^.$][A-Za-z0-9_./~^@+=$()-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$|^0[xo]")]
    private static partial Regex NumberLike();

    private static readonly HashSet<string> Keywords =
        ["~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N"];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonObject document)
    {
        var sb = new StringBuilder();
        Mapping(sb, document, 0);
        return sb.ToString();
    }

    private static void Mapping(StringBuilder sb, JsonObject obj, int indent)
    {
        var first = true;
        foreach (var (key, value) in obj)
        {
            if (!first)
            {
                sb.Append(' ', indent);
            }

            first = false;
            sb.Append(Scalar(key)).Append(':');
            Value(sb, value, indent);
        }
    }

    private static void Value(StringBuilder sb, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                sb.Append(" {}\n");
                break;
            case JsonObject o:
                sb.Append('\n').Append(' ', indent + 2);
                Mapping(sb, o, indent + 2);
                break;
            case JsonArray { Count: 0 }:
                sb.Append(" []\n");
                break;
            case JsonArray a:
                sb.Append('\n');
                foreach (var item in a)
                {
                    sb.Append(' ', indent).Append("- ");
                    if (item is JsonObject { Count: > 0 } itemObject)
                    {
                        Mapping(sb, itemObject, indent + 2);
                    }
                    else if (item is JsonArray { Count: > 0 } nested)
                    {
                        sb.Append(nested.ToJsonString(Relaxed)).Append('\n');
                    }
                    else
                    {
                        sb.Length--;
                        Value(sb, item, indent + 2);
                    }
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && Literal(v.GetValue<string>()) is { } chomping:
                sb.Append(' ').Append(chomping).Append('\n');
                foreach (var line in v.GetValue<string>().TrimEnd('\n').Split('\n'))
                {
                    sb.Append(' ', indent + 2).Append(line).Append('\n');
                }

                break;
            default:
                sb.Append(' ').Append(Leaf(value)).Append('\n');
                break;
        }
    }

    /// <summary>The literal-block indicator for a multi-line string that reads back exactly (PEM blocks), else null.</summary>
    private static string? Literal(string s)
    {
        if (!s.Contains('\n') || s.EndsWith("\n\n", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var line in s.TrimEnd('\n').Split('\n'))
        {
            if (line.Length == 0 || line[0] is ' ' or '\t' || line[^1] is ' ' or '\t' || line.Any(c => char.IsControl(c)))
            {
                return null;
            }
        }

        return s.EndsWith('\n') ? "|" : "|-";
    }

    private static string Leaf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.String => Scalar(value.GetValue<string>()),
        _ => value.ToJsonString(),
    };

    private static string Scalar(string s) =>
        PlainSafe().IsMatch(s) && !Keywords.Contains(s) && !NumberLike().IsMatch(s)
            ? s
            : JsonSerializer.Serialize(s, Relaxed);
}
