using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KonnectES.Domain;

/// <summary>Reads a YAML or JSON declarative file into a JSON tree (YAML 1.2 core-schema scalar typing).</summary>
internal static partial class DocumentReader
{
    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerRegex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatRegex();

    public static Result<JsonObject> Read(string text, ConfigFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        return format == ConfigFormat.Json ? ReadJson(text) : ReadYaml(text);
    }

    private static Result<JsonObject> ReadJson(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) is JsonObject o
                ? Result<JsonObject>.Ok(o)
                : Result<JsonObject>.Fail(DomainError.Invalid("expected an object at the top level"));
        }
        catch (JsonException ex)
        {
            return Result<JsonObject>.Fail(DomainError.Invalid($"invalid JSON (line {ex.LineNumber + 1}): {ex.Message}"));
        }
    }

    private static Result<JsonObject> ReadYaml(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return Result<JsonObject>.Fail(DomainError.Invalid($"invalid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {ex.Message}"));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (instead of a YamlException) on some malformed documents.
            return Result<JsonObject>.Fail(DomainError.Invalid($"invalid YAML: {ex.Message}"));
        }

        if (stream.Documents.Count == 0)
        {
            return Result<JsonObject>.Fail(DomainError.Invalid("the document is empty"));
        }

        var errors = new List<DomainError>();
        var root = Convert(stream.Documents[0].RootNode, [], errors);
        return errors.Count > 0 ? Result<JsonObject>.Fail(errors)
            : root is JsonObject o ? Result<JsonObject>.Ok(o)
            : Result<JsonObject>.Fail(DomainError.Invalid("expected a mapping at the top level"));
    }

    private static JsonNode? Convert(YamlNode node, List<string> path, List<DomainError> errors)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in map.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value ?? "";
                    if (obj.ContainsKey(key))
                    {
                        errors.Add(DomainError.Invalid($"duplicate key '{key}' (line {keyNode.Start.Line})", [.. path]));
                        continue;
                    }

                    path.Add(key);
                    obj[key] = Convert(valueNode, path, errors);
                    path.RemoveAt(path.Count - 1);
                }

                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    path.Add(Formats.Index(i));
                    array.Add(Convert(seq.Children[i], path, errors));
                    path.RemoveAt(path.Count - 1);
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
        if (scalar.Style is not ScalarStyle.Plain || tag.EndsWith(":str", StringComparison.Ordinal) || tag == "!")
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntegerRegex().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (FloatRegex().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(value);
    }
}
