using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace KonnectES.Domain;

/// <summary>
/// Reads an upstream's <c>healthchecks</c> object as a client sends it: with Kong's snake_case keys (read exactly as a
/// declarative import reads them) or with the portal's camelCase ones, in any mix. An unknown key or a wrongly typed
/// value is refused; header names under <c>active.headers</c> are kept as they are.
/// </summary>
public static class HealthchecksJson
{
    /// <summary>
    /// The settings, or a VALIDATION error whose field path is relative to the <c>healthchecks</c> object: in Kong's
    /// form for a known key, as sent for an unknown one. A missing or null object is Kong's defaults.
    /// </summary>
    public static Result<Healthchecks> Read(JsonNode? node)
    {
        if (node is null)
        {
            return Result<Healthchecks>.Ok(new Healthchecks());
        }

        if (node is not JsonObject obj)
        {
            return Result<Healthchecks>.Fail(DomainError.Invalid("invalid value: expected an object"));
        }

        var kong = ToKong(obj, typeof(Healthchecks), []);
        if (!kong.IsSuccess)
        {
            return Result<Healthchecks>.Fail(kong.Errors);
        }

        try
        {
            return Result<Healthchecks>.Ok(kong.Value.Deserialize<Healthchecks>(KongEntityJson.StrictOptions) ?? new Healthchecks());
        }
        catch (JsonException ex)
        {
            return Result<Healthchecks>.Fail(KongEntityJson.Refusal(ex));
        }
    }

    /// <summary>A copy whose camelCase keys of <paramref name="type"/>'s properties are renamed to Kong's; other keys stay as sent.</summary>
    private static Result<JsonObject> ToKong(JsonObject source, Type type, IReadOnlyList<string> at)
    {
        var kong = DomainJson.KongOptions.GetTypeInfo(type);
        var camel = DomainJson.Options.GetTypeInfo(type);
        var properties = kong.Kind == JsonTypeInfoKind.Object ? kong.Properties : [];
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            var property = properties.FirstOrDefault(p => p.Name == key)
                ?? properties.FirstOrDefault(p => camel.Properties.Any(c => c.Name == key && c.AttributeProvider == p.AttributeProvider));
            var name = property?.Name ?? key;
            if (result.ContainsKey(name))
            {
                return Result<JsonObject>.Fail(DomainError.Invalid($"given twice, as {name} and as {key}", [.. at, key]));
            }

            if (property is not null && value is JsonObject inner && DomainJson.KongOptions.GetTypeInfo(property.PropertyType).Kind == JsonTypeInfoKind.Object)
            {
                var renamed = ToKong(inner, property.PropertyType, [.. at, name]);
                if (!renamed.IsSuccess)
                {
                    return renamed;
                }

                result[name] = renamed.Value;
            }
            else
            {
                result[name] = value?.DeepClone();
            }
        }

        return Result<JsonObject>.Ok(result);
    }
}
