using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// request-transformer (priority 801): edits the request before it goes upstream, in Kong's order
/// remove → rename → replace (existing only) → add (missing only) → append, on headers, query string and
/// JSON or form bodies; <c>http_method</c> and <c>replace.uri</c> change the method and the upstream path
/// (kong/plugins/request-transformer/access.lua). Values may use <c>$(headers.x)</c>, <c>$(query_params.x)</c>
/// and <c>$(uri_captures.x)</c>.
/// </summary>
internal sealed class RequestTransformerPlugin : KongPlugin
{
    private readonly string? _httpMethod;
    private readonly Edits _headers;
    private readonly Edits _query;
    private readonly Edits _body;
    private readonly string? _uri;

    public RequestTransformerPlugin(PluginConfig config)
    {
        _httpMethod = config.String("http_method");
        _headers = Edits.From(config, "headers");
        _query = Edits.From(config, "querystring");
        _body = Edits.From(config, "body");
        _uri = config.Record("replace").String("uri");
    }

    public override string Name => "request-transformer";

    public override int Priority => 801;

    public override async ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var request = context.Http.Request;
        var templates = new TemplateValues(context);
        if (_httpMethod is not null)
        {
            request.Method = _httpMethod.ToUpperInvariant();
        }

        if (!_headers.IsEmpty)
        {
            TransformHeaders(request.Headers, templates);
        }

        if (!_query.IsEmpty)
        {
            var args = context.QueryArguments();
            _query.Apply(args, templates);
            context.SetQueryArguments(args);
        }

        if (_uri is not null)
        {
            var uri = templates.Render(_uri);
            request.Path = new PathString(uri.StartsWith('/') ? uri : "/" + uri);
        }

        if (!_body.IsEmpty && await RequestBodies.ReadFormOrJsonAsync(context, cancellationToken) is { } body)
        {
            _body.Apply(body, templates);
            RequestBodies.Write(context, body);
        }
    }

    private void TransformHeaders(IHeaderDictionary headers, TemplateValues templates)
    {
        var list = headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))).ToList();
        _headers.Apply(list, templates, StringComparer.OrdinalIgnoreCase);
        headers.Clear();
        foreach (var group in list.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            headers[group.Key] = group.Select(h => h.Value).ToArray();
        }
    }

    /// <summary>One target's edits (headers, query string or body).</summary>
    internal sealed record Edits(ImmutableArray<string> Remove, ImmutableArray<NameValue> Rename, ImmutableArray<NameValue> Replace, ImmutableArray<NameValue> Add, ImmutableArray<NameValue> Append)
    {
        public bool IsEmpty => Remove.IsEmpty && Rename.IsEmpty && Replace.IsEmpty && Add.IsEmpty && Append.IsEmpty;

        public static Edits From(PluginConfig config, string target) => new(
            config.Record("remove").Strings(target),
            NameValue.Parse(config.Record("rename"), target),
            NameValue.Parse(config.Record("replace"), target),
            NameValue.Parse(config.Record("add"), target),
            NameValue.Parse(config.Record("append"), target));

        private static string Render(TemplateValues? templates, string value) => templates?.Render(value) ?? value;

        /// <summary>Applies the edits to an ordered multi-map (headers, query arguments).</summary>
        public void Apply(List<KeyValuePair<string, string>> items, TemplateValues? templates, StringComparer? comparer = null)
        {
            comparer ??= StringComparer.Ordinal;
            foreach (var name in Remove)
            {
                items.RemoveAll(i => comparer.Equals(i.Key, name));
            }

            foreach (var (from, to) in Rename)
            {
                // Kong sets the new name to the old value: an existing value of the new name is replaced.
                if (!comparer.Equals(from, to) && items.Any(i => comparer.Equals(i.Key, from)))
                {
                    items.RemoveAll(i => comparer.Equals(i.Key, to));
                }

                for (var i = 0; i < items.Count; i++)
                {
                    if (comparer.Equals(items[i].Key, from))
                    {
                        items[i] = new(to, items[i].Value);
                    }
                }
            }

            foreach (var (name, value) in Replace)
            {
                if (items.Any(i => comparer.Equals(i.Key, name)))
                {
                    items.RemoveAll(i => comparer.Equals(i.Key, name));
                    items.Add(new(name, Render(templates, value)));
                }
            }

            foreach (var (name, value) in Add)
            {
                if (!items.Any(i => comparer.Equals(i.Key, name)))
                {
                    items.Add(new(name, Render(templates, value)));
                }
            }

            foreach (var (name, value) in Append)
            {
                items.Add(new(name, Render(templates, value)));
            }
        }

        /// <summary>Applies the edits to a JSON or form body (values as strings; append turns a field into an array).</summary>
        public void Apply(JsonObject body, TemplateValues? templates)
        {
            foreach (var name in Remove)
            {
                body.Remove(name);
            }

            foreach (var (from, to) in Rename)
            {
                if (body.TryGetPropertyValue(from, out var value))
                {
                    body.Remove(from);
                    body[to] = value;
                }
            }

            foreach (var (name, value) in Replace)
            {
                if (body.ContainsKey(name))
                {
                    body[name] = Render(templates, value);
                }
            }

            foreach (var (name, value) in Add)
            {
                if (!body.ContainsKey(name))
                {
                    body[name] = Render(templates, value);
                }
            }

            foreach (var (name, value) in Append)
            {
                var rendered = Render(templates, value);
                if (body[name] is JsonArray array)
                {
                    array.Add(rendered);
                }
                else if (body.TryGetPropertyValue(name, out var existing) && existing is not null)
                {
                    body[name] = new JsonArray(existing.DeepClone(), rendered);
                }
                else
                {
                    body[name] = new JsonArray(JsonValue.Create(rendered));
                }
            }
        }
    }
}
