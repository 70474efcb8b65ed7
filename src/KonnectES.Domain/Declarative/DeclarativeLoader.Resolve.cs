using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KonnectES.Domain;

internal sealed partial class DeclarativeLoader
{
    private readonly Dictionary<string, int> _contentKeys = new(StringComparer.Ordinal);

    private static IEnumerable<(string Field, EntityType Type)> ReferenceFields(EntityType type) => type switch
    {
        EntityType.Service or EntityType.Upstream => [("client_certificate", EntityType.Certificate)],
        EntityType.Route => [("service", EntityType.Service)],
        EntityType.Target => [("upstream", EntityType.Upstream)],
        EntityType.Sni => [("certificate", EntityType.Certificate)],
        EntityType.Credential => [("consumer", EntityType.Consumer)],
        EntityType.ConsumerGroupMember => [("consumer_group", EntityType.ConsumerGroup), ("consumer", EntityType.Consumer)],
        EntityType.Plugin => [("service", EntityType.Service), ("route", EntityType.Route), ("consumer", EntityType.Consumer), ("consumer_group", EntityType.ConsumerGroup)],
        _ => [],
    };

    private void ResolveReferences(PendingEntity pending)
    {
        foreach (var (field, parent) in pending.NestedParents)
        {
            pending.Body[field] = parent.Id.ToString();
        }

        foreach (var (field, type) in ReferenceFields(pending.Type))
        {
            if (pending.NestedParents.Any(n => n.Field == field) || pending.Body[field] is not { } value)
            {
                continue;
            }

            if (Lookup(type, value) is { } id)
            {
                pending.Body[field] = id.ToString();
            }
            else
            {
                _errors.Add(DomainError.Missing(
                    $"invalid reference: no '{Relations.Table(type)}' entity with id or name '{Describe(value)}'", [.. pending.Path, field]));
            }
        }
    }

    private Guid? Lookup(EntityType type, JsonNode value)
    {
        var key = value is JsonObject o
            ? (o["id"] ?? o["name"] ?? o["username"] ?? o["custom_id"])?.ToString()
            : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (key is null)
        {
            return null;
        }

        if (Guid.TryParse(key, out var guid))
        {
            if (_byId.TryGetValue(guid, out var p) && p.Type == type)
            {
                return guid;
            }

            if (_base.Find(guid)?.EntityType == type && !_byId.ContainsKey(guid))
            {
                return guid;
            }
        }

        if (_byKey.TryGetValue($"{type}:{key}", out var byName) || (type == EntityType.Consumer && _byKey.TryGetValue($"{type}:custom_id:{key}", out byName)))
        {
            return byName.Id;
        }

        ConfigEntity? existing = type switch
        {
            EntityType.Service => _base.FindServiceByName(key),
            EntityType.Route => _base.FindRouteByName(key),
            EntityType.Consumer => _base.FindConsumerByUsername(key) ?? _base.FindConsumerByCustomId(key),
            EntityType.ConsumerGroup => _base.FindConsumerGroupByName(key),
            EntityType.Upstream => _base.FindUpstreamByName(key),
            _ => null,
        };
        return existing is not null && !_byId.ContainsKey(existing.Id) ? existing.Id : null;
    }

    private static string Describe(JsonNode value) => value is JsonObject ? value.ToJsonString() : value.ToString();

    private void AssignId(PendingEntity pending)
    {
        var body = pending.Body;
        var endpointKeys = EndpointKeys(pending).ToList();
        foreach (var (endpoint, field, value) in endpointKeys)
        {
            if (_byKey.ContainsKey(endpoint))
            {
                _errors.Add(DomainError.Conflicting(
                    $"uniqueness violation: '{Relations.Table(pending.Type)}' entity with {field} set to '{value}' already declared", [.. pending.Path, field]));
                return;
            }
        }

        Guid id;
        if (body["id"] is { } idNode)
        {
            if (!Guid.TryParse(idNode.ToString(), out id))
            {
                _errors.Add(DomainError.Invalid("expected a valid UUID", [.. pending.Path, "id"]));
                return;
            }
        }
        else if (pending.Type == EntityType.ConsumerGroupMember)
        {
            id = Guid.TryParse(body["consumer_group"]?.ToString(), out var g) && Guid.TryParse(body["consumer"]?.ToString(), out var c)
                ? DeterministicId.ForMembership(g, c)
                : Guid.Empty;
        }
        else
        {
            var natural = NaturalKey(pending);
            id = ExistingId(pending, natural) ?? DeterministicId.For(_current.ControlPlaneId, pending.Type, natural ?? ContentKey(pending));
        }

        if (_byId.TryGetValue(id, out var other) && pending.Type == EntityType.ConsumerGroupMember && other.Type == pending.Type)
        {
            pending.Duplicate = true;
            return;
        }

        if (_byId.TryGetValue(id, out other))
        {
            _errors.Add(DomainError.Conflicting(
                $"uniqueness violation: entity with id '{id}' already declared at {FieldPath.Render(other.Path)}", [.. pending.Path, "id"]));
            return;
        }

        pending.Id = id;
        _byId[id] = pending;
        foreach (var (endpoint, _, _) in endpointKeys)
        {
            _byKey[endpoint] = pending;
        }
    }

    /// <summary>Keys by which other entities in the file may reference this one.</summary>
    private static IEnumerable<(string Key, string Field, string Value)> EndpointKeys(PendingEntity p)
    {
        var field = p.Type switch
        {
            EntityType.Service or EntityType.Route or EntityType.ConsumerGroup or EntityType.Upstream or EntityType.Sni => "name",
            EntityType.Consumer => "username",
            EntityType.Plugin => "instance_name",
            _ => null,
        };
        if (field is not null && p.Body[field]?.ToString() is { } value)
        {
            yield return ($"{p.Type}:{value}", field, value);
        }

        if (p.Type == EntityType.Consumer && p.Body["custom_id"]?.ToString() is { } customId)
        {
            yield return ($"{p.Type}:custom_id:{customId}", "custom_id", customId);
        }
    }

    private static string? NaturalKey(PendingEntity p)
    {
        var b = p.Body;
        string? S(string f) => b[f] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        string? Secret(string f) => SecretMasking.IsPlaceholder(S(f)) ? null : S(f);
        return p.Type switch
        {
            EntityType.Service or EntityType.Route or EntityType.ConsumerGroup or EntityType.Upstream or EntityType.Sni =>
                S("name") is { } n ? "name:" + n : null,
            EntityType.Consumer => S("username") is { } u ? "username:" + u : S("custom_id") is { } c ? "custom_id:" + c : null,
            EntityType.Target => S("target") is { } t ? $"{S("upstream")}:{TargetRules.Normalize(new Target { TargetAddress = t }).TargetAddress}" : null,
            EntityType.Plugin => S("instance_name") is { } i ? "instance:" + i : $"{S("name")}:{S("service")}:{S("route")}:{S("consumer")}:{S("consumer_group")}",
            EntityType.Credential => p.Kind switch
            {
                CredentialKind.KeyAuth => Secret("key") is { } k ? "key_auth:" + k : null,
                CredentialKind.Jwt => S("key") is { } k ? "jwt:" + k : null,
                CredentialKind.BasicAuth => S("username") is { } u ? "basic_auth:" + u : null,
                CredentialKind.HmacAuth => S("username") is { } u ? "hmac_auth:" + u : null,
                _ => S("group") is { } g ? $"acl:{S("consumer")}:{g}" : null,
            },
            _ => null,
        };
    }

    private Guid? ExistingId(PendingEntity p, string? natural)
    {
        var b = p.Body;
        string? S(string f) => b[f] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        Guid? id = p.Type switch
        {
            EntityType.Service when S("name") is { } n => _current.FindServiceByName(n)?.Id,
            EntityType.Route when S("name") is { } n => _current.FindRouteByName(n)?.Id,
            EntityType.Consumer => (S("username") is { } u ? _current.FindConsumerByUsername(u) : S("custom_id") is { } c ? _current.FindConsumerByCustomId(c) : null)?.Id,
            EntityType.ConsumerGroup when S("name") is { } n => _current.FindConsumerGroupByName(n)?.Id,
            EntityType.Upstream when S("name") is { } n => _current.FindUpstreamByName(n)?.Id,
            EntityType.Sni when S("name") is { } n => _current.FindSniByName(n)?.Id,
            EntityType.Plugin when S("instance_name") is { } i => _current.FindPluginByInstanceName(i)?.Id,
            EntityType.Plugin => _current.OwnerOf($"plugins:scope:{S("name")}:{S("service")}:{S("route")}:{S("consumer")}:{S("consumer_group")}"),
            EntityType.Target when natural is not null => _current.OwnerOf("targets:" + natural),
            EntityType.Credential when natural is not null => p.Kind switch
            {
                CredentialKind.KeyAuth => _current.OwnerOf("keyauth_credentials:key:" + natural["key_auth:".Length..]),
                CredentialKind.Jwt => _current.OwnerOf("jwt_secrets:key:" + natural["jwt:".Length..]),
                CredentialKind.BasicAuth => _current.OwnerOf("basicauth_credentials:username:" + natural["basic_auth:".Length..]),
                CredentialKind.HmacAuth => _current.OwnerOf("hmacauth_credentials:username:" + natural["hmac_auth:".Length..]),
                _ => _current.OwnerOf($"acls:{S("consumer")}:{S("group")}"),
            },
            EntityType.Certificate => _current.Certificates.FirstOrDefault(c => c.Cert.Trim() == S("cert")?.Trim())?.Id,
            EntityType.CaCertificate => _current.CaCertificates.FirstOrDefault(c => c.Cert.Trim() == S("cert")?.Trim())?.Id,
            _ => null,
        };
        return id is { } found && _current.Find(found)?.EntityType == p.Type ? found : null;
    }

    private string ContentKey(PendingEntity p)
    {
        var body = (JsonObject)p.Body.DeepClone();
        body.Remove("id");
        foreach (var secret in new[] { "key", "password", "secret" })
        {
            if (p.Type == EntityType.Credential && SecretMasking.IsPlaceholder(body[secret]?.ToString()))
            {
                body.Remove(secret);
            }
        }

        var canonical = DomainJson.Sorted(body)!.ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
        var occurrence = _contentKeys[hash] = _contentKeys.GetValueOrDefault(hash) + 1;
        return $"content:{hash}:{occurrence}";
    }
}
