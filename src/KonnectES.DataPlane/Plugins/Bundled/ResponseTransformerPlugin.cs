using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// response-transformer (priority 800): edits response headers (header_filter) and top-level fields of a JSON
/// body (body_filter, buffered), in Kong's order remove → rename → replace → add → append; <c>json_types</c> gives
/// each JSON value's type (kong/plugins/response-transformer/header_transformer.lua, body_transformer.lua).
/// </summary>
internal sealed class ResponseTransformerPlugin : KongPlugin
{
    private readonly RequestTransformerPlugin.Edits _headers;
    private readonly ImmutableArray<string> _removeJson;
    private readonly ImmutableArray<NameValue> _renameJson;
    private readonly ImmutableArray<(NameValue Entry, string Type)> _replaceJson;
    private readonly ImmutableArray<(NameValue Entry, string Type)> _addJson;
    private readonly ImmutableArray<(NameValue Entry, string Type)> _appendJson;

    public ResponseTransformerPlugin(PluginConfig config)
    {
        _headers = RequestTransformerPlugin.Edits.From(config, "headers");
        _removeJson = config.Record("remove").Strings("json");
        _renameJson = NameValue.Parse(config.Record("rename"), "json");
        _replaceJson = Typed(config.Record("replace"));
        _addJson = Typed(config.Record("add"));
        _appendJson = Typed(config.Record("append"));
    }

    public override string Name => "response-transformer";

    public override int Priority => 800;

    private bool TransformsBody => !_removeJson.IsEmpty || !_renameJson.IsEmpty || !_replaceJson.IsEmpty || !_addJson.IsEmpty || !_appendJson.IsEmpty;

    public override bool NeedsResponseBody(PluginContext context) => TransformsBody;

    public override void HeaderFilter(PluginContext context)
    {
        var headers = context.Http.Response.Headers;
        if (!_headers.IsEmpty)
        {
            var list = headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))).ToList();
            _headers.Apply(list, null, StringComparer.OrdinalIgnoreCase);
            headers.Clear();
            foreach (var group in list.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            {
                headers[group.Key] = group.Select(h => h.Value).ToArray();
            }
        }

        if (TransformsBody && RequestBodies.IsJson(context.Http.Response.ContentType))
        {
            headers.ContentLength = null;
        }
    }

    public override byte[] BodyFilter(PluginContext context, byte[] body)
    {
        if (!RequestBodies.IsJson(context.Http.Response.ContentType) || IsHeadOrEmpty(context, body))
        {
            return body;
        }

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return body;
        }

        if (json is null)
        {
            return body;
        }

        foreach (var name in _removeJson)
        {
            json.Remove(name);
        }

        foreach (var (from, to) in _renameJson)
        {
            if (json.TryGetPropertyValue(from, out var value))
            {
                json.Remove(from);
                json[to] = value;
            }
        }

        foreach (var (entry, type) in _replaceJson)
        {
            if (json.ContainsKey(entry.Name))
            {
                json[entry.Name] = Value(entry.Value, type);
            }
        }

        foreach (var (entry, type) in _addJson)
        {
            if (!json.ContainsKey(entry.Name))
            {
                json[entry.Name] = Value(entry.Value, type);
            }
        }

        foreach (var (entry, type) in _appendJson)
        {
            var value = Value(entry.Value, type);
            json[entry.Name] = json[entry.Name] switch
            {
                JsonArray array => Appended(array, value),
                null => new JsonArray(value),
                var existing => new JsonArray(existing.DeepClone(), value),
            };
        }

        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private static bool IsHeadOrEmpty(PluginContext context, byte[] body) => body.Length == 0 || HttpMethods.IsHead(context.Http.Request.Method);

    private static JsonArray Appended(JsonArray array, JsonNode? value)
    {
        var copy = (JsonArray)array.DeepClone();
        copy.Add(value);
        return copy;
    }

    /// <summary>A configured value as JSON: typed by <c>json_types</c>, else a string.</summary>
    private static JsonNode? Value(string value, string type) => type switch
    {
        "boolean" => JsonValue.Create(string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)),
        "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n == Math.Floor(n) && Math.Abs(n) < 1e15 ? JsonValue.Create((long)n) : JsonValue.Create(n)
            : JsonValue.Create(value),
        _ => JsonValue.Create(value),
    };

    private static ImmutableArray<(NameValue Entry, string Type)> Typed(PluginConfig record)
    {
        var entries = NameValue.Parse(record, "json");
        var types = record.Strings("json_types");
        return [.. entries.Select((e, i) => (e, i < types.Length ? types[i] : "string"))];
    }
}
