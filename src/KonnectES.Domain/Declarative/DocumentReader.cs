using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

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
        var errors = new List<DomainError>();
        JsonNode? root;
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return Result<JsonObject>.Fail(DomainError.Invalid("the document is empty"));
            }

            parser.Consume<DocumentStart>();
            root = Node(parser, [], errors, []);
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

        return errors.Count > 0 ? Result<JsonObject>.Fail(errors)
            : root is JsonObject o ? Result<JsonObject>.Ok(o)
            : Result<JsonObject>.Fail(DomainError.Invalid("expected a mapping at the top level"));
    }

    /// <summary>Reads one node from the parser's event stream (anchors and aliases resolved by copy).</summary>
    private static JsonNode? Node(IParser parser, List<string> path, List<DomainError> errors, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var anchored))
            {
                return anchored?.DeepClone();
            }

            errors.Add(DomainError.Invalid($"unknown alias '{alias.Value.Value}' (line {alias.Start.Line})", [.. path]));
            return null;
        }

        JsonNode? node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = Scalar(scalar);
            anchor = scalar.Anchor;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                path.Add(Formats.Index(array.Count));
                array.Add(Node(parser, path, errors, anchors));
                path.RemoveAt(path.Count - 1);
            }

            node = array;
            anchor = sequence.Anchor;
        }
        else
        {
            var mapping = parser.Consume<MappingStart>();
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyStart = parser.Current?.Start.Line;
                var key = Node(parser, path, errors, anchors)?.ToString() ?? "";
                path.Add(key);
                var value = Node(parser, path, errors, anchors);
                path.RemoveAt(path.Count - 1);
                if (!obj.TryAdd(key, value))
                {
                    errors.Add(DomainError.Invalid($"duplicate key '{key}' (line {keyStart})", [.. path]));
                }
            }

            node = obj;
            anchor = mapping.Anchor;
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node?.DeepClone();
        }

        return node;
    }

    private static JsonNode? Scalar(Scalar scalar)
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
