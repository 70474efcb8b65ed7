using System.Text.Json;
using System.Text.Json.Nodes;

namespace KonnectES.Domain;

/// <summary>kong/db/schema/entities/plugins.lua plus the bundled plugins' schemas.</summary>
internal static class PluginRules
{
    public static Plugin Normalize(Plugin p, List<DomainError> errors)
    {
        p = p with { Protocols = EntityValidator.Set(p.Protocols) };
        var schema = PluginCatalog.Find(p.Name);
        if (schema is null)
        {
            return PluginCatalog.SupportOf(p.Name) == PluginSupport.PassThrough ? PassThrough(p, errors) : p;
        }

        var input = p.Config.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(p.Config.GetRawText());
        var path = new List<string> { "config" };
        var config = ConfigNormalizer.Record(input, schema.Fields, path, errors);
        if (errors.Count == 0)
        {
            foreach (var (message, field) in schema.Check(config))
            {
                errors.Add(DomainError.Invalid(message, ["config", .. field.Split('.')]));
            }
        }

        // Sorted keys make the stored config canonical, whatever order the caller used.
        return p with { Config = JsonSerializer.SerializeToElement(DomainJson.Sorted(config)) };
    }

    /// <summary>
    /// A known plugin the data plane does not implement: its config must be an object and is kept as given
    /// (keys sorted, null members dropped as "not set" like the declarative loader does, no defaults;
    /// <c>{vault://…}</c> references stay literal strings).
    /// </summary>
    private static Plugin PassThrough(Plugin p, List<DomainError> errors)
    {
        if (p.Config.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return p with { Config = JsonSerializer.SerializeToElement(new JsonObject()) };
        }

        if (p.Config.ValueKind != JsonValueKind.Object)
        {
            errors.Add(DomainError.Invalid("expected a record", "config"));
            return p;
        }

        return p with { Config = JsonSerializer.SerializeToElement(Canonical(JsonNode.Parse(p.Config.GetRawText()))) };
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(m => m.Value is not null).OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => KeyValuePair.Create(m.Key, Canonical(m.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        null => null,
        _ => node.DeepClone(),
    };

    public static void Validate(Plugin p, List<DomainError> errors)
    {
        if (!PluginCatalog.IsKnown(p.Name))
        {
            errors.Add(DomainError.Invalid(string.IsNullOrEmpty(p.Name)
                ? "required field missing"
                : $"plugin '{p.Name}' not enabled; add it to the 'plugins' configuration property", "name"));
            return;
        }

        if (p.InstanceName is { } instance && !Formats.IsUtf8Name(instance))
        {
            errors.Add(DomainError.Invalid("invalid value '" + instance + "': the only accepted ascii characters are alphanumerics or ., -, _, and ~", "instance_name"));
        }

        foreach (var (set, scope) in new[] { (p.ServiceId, "service"), (p.RouteId, "route"), (p.ConsumerId, "consumer"), (p.ConsumerGroupId, "consumer_group") })
        {
            if (set is not null && !PluginCatalog.ScopesOf(p.Name).Contains(scope))
            {
                errors.Add(DomainError.Invalid($"value must be null (plugin '{p.Name}' cannot be applied to a {scope.Replace('_', ' ')})", scope));
            }
        }

        if (p.Protocols.IsEmpty)
        {
            errors.Add(DomainError.Invalid("length must be at least 1", "protocols"));
        }

        var protocols = PluginCatalog.ProtocolsOf(p.Name);
        for (var i = 0; i < p.Protocols.Length; i++)
        {
            if (!protocols.Contains(p.Protocols[i]))
            {
                errors.Add(DomainError.Invalid("expected one of: " + string.Join(", ", protocols), "protocols", Formats.Index(i)));
            }
        }
    }
}
