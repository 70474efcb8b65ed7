using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace KonnectES.Domain;

/// <summary>Maps entities to and from Kong's snake_case entity objects (foreign keys by Kong's field names).</summary>
internal static partial class KongEntityJson
{
    /// <summary>Our <c>*_id</c> property → Kong's foreign-key field.</summary>
    private static readonly FrozenDictionary<string, string> ForeignKeys = new Dictionary<string, string>
    {
        ["service_id"] = "service",
        ["route_id"] = "route",
        ["consumer_id"] = "consumer",
        ["consumer_group_id"] = "consumer_group",
        ["upstream_id"] = "upstream",
        ["certificate_id"] = "certificate",
        ["client_certificate_id"] = "client_certificate",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> Reverse = ForeignKeys.ToFrozenDictionary(p => p.Value, p => p.Key);

    private static readonly string[] Derived = ["key_fingerprint", "kind"];

    private static readonly string[] OptionalSets = ["ca_certificates", "methods", "hosts", "paths", "snis", "sources", "destinations", "tags"];

    public static readonly JsonSerializerOptions StrictOptions = CreateStrict();

    public static Type ClrType(EntityType type) => type switch
    {
        EntityType.Service => typeof(Service),
        EntityType.Route => typeof(Route),
        EntityType.Consumer => typeof(Consumer),
        EntityType.ConsumerGroup => typeof(ConsumerGroup),
        EntityType.ConsumerGroupMember => typeof(ConsumerGroupMember),
        EntityType.Upstream => typeof(Upstream),
        EntityType.Target => typeof(Target),
        EntityType.Plugin => typeof(Plugin),
        EntityType.Certificate => typeof(Certificate),
        EntityType.Sni => typeof(Sni),
        EntityType.CaCertificate => typeof(CaCertificate),
        EntityType.Credential => typeof(Credential),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Kong field names an entity object of <paramref name="type"/> may carry.</summary>
    public static IReadOnlySet<string> KnownFields(EntityType type) => Known[type];

    private static readonly FrozenDictionary<EntityType, FrozenSet<string>> Known = Enum.GetValues<EntityType>()
        .Where(t => t != EntityType.ControlPlane)
        .ToFrozenDictionary(t => t, t => ClrType(t).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.CanWrite)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))
            .Select(n => ForeignKeys.GetValueOrDefault(n, n))
            .Where(n => !Derived.Contains(n))
            .ToFrozenSet());

    /// <summary>The entity as Kong writes it: snake_case, FKs as id strings, empty sets and nulls omitted.</summary>
    public static JsonObject ToKong(ConfigEntity entity)
    {
        var node = (JsonObject)JsonSerializer.SerializeToNode(entity, entity.GetType(), DomainJson.KongOptions)!;
        var result = new JsonObject { ["id"] = entity.Id.ToString() };
        if (entity is Route { Expression: null, Priority: 0 })
        {
            node.Remove("priority");
        }

        foreach (var (key, value) in node.ToList())
        {
            node.Remove(key);
            if (Derived.Contains(key) || (OptionalSets.Contains(key) && value is JsonArray { Count: 0 }))
            {
                continue;
            }

            result[ForeignKeys.GetValueOrDefault(key, key)] = value;
        }

        return result;
    }

    /// <summary>Builds an entity from a Kong object whose foreign keys are already resolved to id strings.</summary>
    public static Result<ConfigEntity> FromKong(EntityType type, JsonObject kong, CredentialKind? kind)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in kong.ToList())
        {
            kong.Remove(key);
            obj[Reverse.GetValueOrDefault(key, key)] = value;
        }

        if (kind is { } k)
        {
            obj["kind"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(k.ToString());
        }

        try
        {
            var entity = (ConfigEntity)obj.Deserialize(ClrType(type), StrictOptions)!;
            return Result<ConfigEntity>.Ok(entity);
        }
        catch (JsonException ex)
        {
            return Result<ConfigEntity>.Fail(Refusal(ex));
        }
    }

    /// <summary>A strict read's failure as a VALIDATION error naming the field in Kong's form (an unknown key as sent).</summary>
    public static DomainError Refusal(JsonException ex)
    {
        var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.').Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
        var field = path.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(s => ForeignKeys.GetValueOrDefault(s, s)).ToList();
        var unmapped = UnmappedProperty().Match(ex.Message);
        if (unmapped.Success && (field.Count == 0 || field[^1] != unmapped.Groups[1].Value))
        {
            field.Add(unmapped.Groups[1].Value);
        }

        var message = unmapped.Success ? "unknown field" : "invalid value: expected a value of another type";
        return DomainError.Invalid(message, field);
    }

    [GeneratedRegex("'([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    private static JsonSerializerOptions CreateStrict() => new(DomainJson.KongOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
