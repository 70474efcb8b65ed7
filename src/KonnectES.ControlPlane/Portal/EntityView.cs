using System.Text.Json;
using KonnectES.Domain;
using KonnectES.Projections.Entities;

namespace KonnectES.ControlPlane.Portal;

/// <summary>
/// An entity as the schema reads it: the masked document's properties (camelCase, as the schema names them), plus
/// <c>__typename</c>, timestamps and the control plane. Enum values become the schema's SCREAMING_CASE names.
/// </summary>
internal static class EntityView
{
    public const string ControlPlaneKey = "controlPlaneId";

    public static Dictionary<string, object?> From(EntityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var view = FromJson(record.EntityType, record.Document);
        view[ControlPlaneKey] = record.ControlPlaneId;
        view["createdAt"] = record.CreatedAt;
        view["updatedAt"] = record.UpdatedAt;
        return view;
    }

    /// <summary>A just-changed entity (masked here), with the time of the change.</summary>
    public static Dictionary<string, object?> From(Guid controlPlaneId, ConfigEntity entity, DateTimeOffset? createdAt, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var view = FromJson(entity.EntityType, DomainJson.Serialize(SecretMasking.Mask(entity)));
        view[ControlPlaneKey] = controlPlaneId;
        view["createdAt"] = createdAt ?? at;
        view["updatedAt"] = at;
        return view;
    }

    public static Guid Id(object? view) => view is IDictionary<string, object?> d && d.TryGetValue("id", out var v) && v is string s ? Guid.Parse(s) : Guid.Empty;

    public static Guid ControlPlane(object? view) => view is IDictionary<string, object?> d && d[ControlPlaneKey] is Guid g ? g : Guid.Empty;

    public static Guid? Reference(object? view, string key) =>
        view is IDictionary<string, object?> d && d.TryGetValue(key, out var v) && v is string s && Guid.TryParse(s, out var g) ? g : null;

    /// <summary>A masked document as plain values for the JSON scalar (history, diff, snapshots).</summary>
    public static JsonElement Json(ConfigEntity entity) => JsonSerializer.SerializeToElement(
        JsonDocument.Parse(DomainJson.Serialize(SecretMasking.Mask(entity))).RootElement);

    private static Dictionary<string, object?> FromJson(EntityType type, string document)
    {
        using var json = JsonDocument.Parse(document);
        var view = new Dictionary<string, object?>(StringComparer.Ordinal) { ["__typename"] = type.ToString() };
        foreach (var property in json.RootElement.EnumerateObject())
        {
            view[property.Name] = Plain(property.Value);
        }

        if (type == EntityType.Credential && view.GetValueOrDefault("kind") is string kind)
        {
            view["kind"] = kind.ToUpperInvariant();
        }

        return view;
    }

    private static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.GetDouble(),
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
            value.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.Clone(),
    };
}
