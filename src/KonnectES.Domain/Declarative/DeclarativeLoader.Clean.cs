using System.Text.Json.Nodes;

namespace KonnectES.Domain;

internal sealed partial class DeclarativeLoader
{
    /// <summary>Drops <c>_comment</c>-style keys and nulls, applies <c>_info.defaults</c> and <c>_plugin_configs</c>.</summary>
    private JsonObject Clean(JsonObject source, EntityType type, List<string> path)
    {
        var body = new JsonObject();
        var defaultsKey = type switch
        {
            EntityType.Service => "service",
            EntityType.Route => "route",
            EntityType.Upstream => "upstream",
            EntityType.Target => "target",
            _ => null,
        };
        if (defaultsKey is not null && _defaults[defaultsKey] is JsonObject defaults)
        {
            foreach (var (key, value) in defaults)
            {
                body[key] = value?.DeepClone();
            }
        }

        foreach (var (key, value) in source)
        {
            if (!key.StartsWith('_'))
            {
                body[key] = WithoutNulls(value, [.. path, key]);
            }
        }

        if (type == EntityType.Plugin && source["_config"]?.ToString() is { } configName)
        {
            if (_pluginConfigs[configName] is JsonObject shared)
            {
                var merged = (JsonObject)shared.DeepClone();
                foreach (var (key, value) in body["config"] as JsonObject ?? [])
                {
                    merged[key] = value?.DeepClone();
                }

                body["config"] = merged;
            }
            else
            {
                _errors.Add(DomainError.Invalid($"no _plugin_configs entry named '{configName}'", [.. path, "_config"]));
            }
        }

        foreach (var (key, value) in body.ToList())
        {
            if (value is null)
            {
                body.Remove(key);
            }
        }

        return body;
    }

    /// <summary>Drops null members (null = "use the default"); a null array element is an error, as in Kong.</summary>
    private JsonNode? WithoutNulls(JsonNode? node, List<string> path)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o)
                {
                    if (value is not null)
                    {
                        copy[key] = WithoutNulls(value, [.. path, key]);
                    }
                }

                return copy;
            case JsonArray a:
                var items = new JsonArray();
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is null)
                    {
                        _errors.Add(DomainError.Invalid("null is not allowed in an array", [.. path, Formats.Index(i)]));
                    }
                    else
                    {
                        items.Add(WithoutNulls(a[i], [.. path, Formats.Index(i)]));
                    }
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }

    private static HashSet<string> CredentialFields(CredentialKind kind) => kind switch
    {
        CredentialKind.KeyAuth => ["id", "consumer", "key", "ttl", "tags"],
        CredentialKind.BasicAuth => ["id", "consumer", "username", "password", "tags"],
        CredentialKind.Jwt => ["id", "consumer", "key", "secret", "algorithm", "rsa_public_key", "tags"],
        CredentialKind.Acl => ["id", "consumer", "group", "tags"],
        _ => ["id", "consumer", "username", "secret", "tags"],
    };
}
