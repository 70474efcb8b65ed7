using System.Text.Json.Nodes;

namespace KonnectES.Domain;

internal sealed partial class DeclarativeLoader
{
    /// <summary>Credential collections: declarative key → kind.</summary>
    internal static readonly (string Key, CredentialKind Kind)[] CredentialKeys =
    [
        ("keyauth_credentials", CredentialKind.KeyAuth), ("basicauth_credentials", CredentialKind.BasicAuth),
        ("jwt_secrets", CredentialKind.Jwt), ("acls", CredentialKind.Acl), ("hmacauth_credentials", CredentialKind.HmacAuth),
    ];

    private static readonly Dictionary<EntityType, string[]> NestedKeys = new()
    {
        [EntityType.Service] = ["routes", "plugins"],
        [EntityType.Route] = ["plugins"],
        [EntityType.Consumer] = ["plugins", "groups", .. CredentialKeys.Select(c => c.Key)],
        [EntityType.ConsumerGroup] = ["plugins", "consumers"],
        [EntityType.Upstream] = ["targets"],
        [EntityType.Certificate] = ["snis"],
    };

    private void Collect(JsonObject document)
    {
        Each(document, "services", (o, p, i) => Entity(EntityType.Service, o, p, null, i));
        Each(document, "routes", (o, p, i) => Entity(EntityType.Route, o, p, null, i));
        Each(document, "consumers", (o, p, i) => Entity(EntityType.Consumer, o, p, null, i));
        Each(document, "consumer_groups", (o, p, i) => Entity(EntityType.ConsumerGroup, o, p, null, i));
        Each(document, "consumer_group_consumers", (o, p, i) => Entity(EntityType.ConsumerGroupMember, o, p, null, i));
        Each(document, "consumer_group_plugins", (o, p, i) => Entity(EntityType.Plugin, o, p, null, i));
        Each(document, "upstreams", (o, p, i) => Entity(EntityType.Upstream, o, p, null, i));
        Each(document, "targets", (o, p, i) => Entity(EntityType.Target, o, p, null, i));
        Each(document, "plugins", (o, p, i) => Entity(EntityType.Plugin, o, p, null, i));
        Each(document, "certificates", (o, p, i) => Entity(EntityType.Certificate, o, p, null, i));
        Each(document, "snis", (o, p, i) => Entity(EntityType.Sni, o, p, null, i));
        Each(document, "ca_certificates", (o, p, i) => Entity(EntityType.CaCertificate, o, p, null, i));
        foreach (var (key, kind) in CredentialKeys)
        {
            Each(document, key, (o, p, i) => Entity(EntityType.Credential, o, p, null, i, kind));
        }
    }

    private void Each(JsonObject parent, string key, Action<JsonObject, List<string>, int> action, IReadOnlyList<string>? prefix = null)
    {
        var node = parent[key];
        if (node is null)
        {
            return;
        }

        var basePath = new List<string>(prefix ?? []) { key };
        if (node is not JsonArray array)
        {
            _errors.Add(DomainError.Invalid("expected an array", [.. basePath]));
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            List<string> path = [.. basePath, Formats.Index(i)];
            if (array[i] is JsonObject obj)
            {
                action(obj, path, i);
            }
            else if (key == "snis" && array[i] is JsonValue sniName && sniName.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                action(new JsonObject { ["name"] = sniName.GetValue<string>() }, path, i);
            }
            else
            {
                _errors.Add(DomainError.Invalid("expected a record", [.. path]));
            }
        }
    }

    private PendingEntity? Entity(EntityType type, JsonObject source, List<string> path, PendingEntity? parent, int ordinal, CredentialKind? kind = null)
    {
        var body = Clean(source, type, path);
        if (type == EntityType.Service && body["url"] is { } url)
        {
            body.Remove("url");
            ApplyUrl(body, url, path);
        }

        var nested = NestedKeys.GetValueOrDefault(type, []);
        var known = kind is { } k ? CredentialFields(k) : KongEntityJson.KnownFields(type);
        foreach (var (key, _) in body.ToList())
        {
            if (nested.Contains(key))
            {
                body.Remove(key);
            }
            else if (key is "created_at" or "updated_at")
            {
                body.Remove(key);
            }
            else if (!known.Contains(key))
            {
                _errors.Add(DomainError.Invalid("unknown field", [.. path, key]));
            }
        }

        var pending = new PendingEntity(type, body, path) { Kind = kind, Ordinal = ordinal };
        _pending.Add(pending);
        if (parent is not null)
        {
            pending.NestedParents.Add((ParentField(parent.Type), parent));
        }

        if (type == EntityType.Route && _legacy && body["paths"] is JsonArray paths)
        {
            for (var i = 0; i < paths.Count; i++)
            {
                if (paths[i] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    paths[i] = RoutePaths.MigrateLegacy(v.GetValue<string>());
                }
            }
        }

        if (type == EntityType.Route && body["strip_path"] is null && body["protocols"] is JsonArray protocols
            && protocols.All(p => p?.ToString() is "grpc" or "grpcs"))
        {
            body["strip_path"] = false;
        }

        Children(type, source, path, pending);
        return pending;
    }

    private void Children(EntityType type, JsonObject source, List<string> path, PendingEntity pending)
    {
        switch (type)
        {
            case EntityType.Service:
                Each(source, "routes", (o, p, i) => Entity(EntityType.Route, o, p, pending, i), path);
                Each(source, "plugins", (o, p, i) => Entity(EntityType.Plugin, o, p, pending, i), path);
                break;
            case EntityType.Route:
                Each(source, "plugins", (o, p, i) => Entity(EntityType.Plugin, o, p, pending, i), path);
                break;
            case EntityType.Upstream:
                Each(source, "targets", (o, p, i) => Entity(EntityType.Target, o, p, pending, i), path);
                break;
            case EntityType.Certificate:
                Each(source, "snis", (o, p, i) => Entity(EntityType.Sni, o, p, pending, i), path);
                break;
            case EntityType.Consumer:
                Each(source, "plugins", (o, p, i) => Entity(EntityType.Plugin, o, p, pending, i), path);
                foreach (var (key, kind) in CredentialKeys)
                {
                    Each(source, key, (o, p, i) => Entity(EntityType.Credential, o, p, pending, i, kind), path);
                }

                Each(source, "groups", (o, p, i) => Membership(new JsonObject { ["consumer_group"] = o.DeepClone() }, p, pending, "consumer", i), path);
                break;
            case EntityType.ConsumerGroup:
                Each(source, "plugins", (o, p, i) => Entity(EntityType.Plugin, o, p, pending, i), path);
                Each(source, "consumers", (o, p, i) => Membership(new JsonObject { ["consumer"] = o.DeepClone() }, p, pending, "consumer_group", i), path);
                break;
        }
    }

    /// <summary>The <c>url</c> shorthand fills protocol, host, port and path unless they are given explicitly.</summary>
    private void ApplyUrl(JsonObject body, JsonNode url, List<string> path)
    {
        var parsed = ServiceUrl.Apply(new Service(), url.ToString());
        if (!parsed.IsSuccess)
        {
            _errors.AddRange(parsed.Errors.Select(e => e.Under(path)));
            return;
        }

        var s = parsed.Value;
        body["protocol"] ??= s.Protocol;
        body["host"] ??= s.Host;
        body["port"] ??= s.Port;
        if (s.Path is not null)
        {
            body["path"] ??= s.Path;
        }
    }

    private void Membership(JsonObject body, List<string> path, PendingEntity parent, string parentField, int ordinal)
    {
        var pending = new PendingEntity(EntityType.ConsumerGroupMember, body, path) { Ordinal = ordinal };
        pending.NestedParents.Add((parentField, parent));
        _pending.Add(pending);
    }

    private static string ParentField(EntityType parentType) => parentType switch
    {
        EntityType.Service => "service",
        EntityType.Route => "route",
        EntityType.Consumer => "consumer",
        EntityType.ConsumerGroup => "consumer_group",
        EntityType.Upstream => "upstream",
        _ => "certificate",
    };
}
