using System.Globalization;
using System.Text.Json;
using KonnectES.Projections.DataPlaneNodes;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>Reads the bodies of <c>POST /v1/status</c> and <c>POST /v1/nack</c>; every problem is a <see cref="ClusterBadRequestException"/>.</summary>
internal static class ClusterReports
{
    public static StatusReport Status(JsonElement body) => new(
        RequiredGuid(body, "node_id"),
        OptionalString(body, "hostname") ?? "",
        OptionalString(body, "version") ?? "",
        OptionalLong(body, "config_version") ?? 0,
        OptionalString(body, "config_hash"),
        OptionalString(body, "snapshot_hash"),
        Labels(body),
        Strings(body, "errors"),
        TargetHealth(body));

    public static NackReport Nack(JsonElement body) => new(
        RequiredGuid(body, "node_id"),
        OptionalLong(body, "version") ?? 0,
        OptionalString(body, "config_hash"),
        OptionalString(body, "snapshot_hash") ?? throw new ClusterBadRequestException("snapshot_hash is required"),
        OptionalString(body, "error") ?? throw new ClusterBadRequestException("error is required"),
        Strings(body, "details"));

    public static Guid ParseNodeId(string? value, string name) =>
        Guid.TryParse(value, out var id) ? id : throw new ClusterBadRequestException(
            value is null ? $"{name} is required" : $"{name} must be a UUID");

    /// <summary>
    /// <c>target_health</c>: null when absent (unchanged), else every target's health, one entry per upstream and
    /// target, each with a health name Kong uses.
    /// </summary>
    private static IReadOnlyList<DataPlaneTargetHealth>? TargetHealth(JsonElement body)
    {
        if (!body.TryGetProperty("target_health", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ClusterBadRequestException("target_health must be an array");
        }

        var targets = new List<DataPlaneTargetHealth>();
        var index = 0;
        foreach (var entry in value.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"target_health[{index++}]");
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new ClusterBadRequestException($"{at} must be an object");
            }

            var health = OptionalString(entry, "health") ?? throw new ClusterBadRequestException($"{at}.health is required");
            if (!DataPlaneTargetHealth.Names.Contains(health))
            {
                throw new ClusterBadRequestException($"{at}.health must be one of HEALTHY, UNHEALTHY, DNS_ERROR, HEALTHCHECKS_OFF");
            }

            targets.Add(new DataPlaneTargetHealth(
                ParseNodeId(OptionalString(entry, "upstream_id"), at + ".upstream_id"),
                OptionalString(entry, "upstream") ?? "",
                OptionalString(entry, "target") is { Length: > 0 } target ? target : throw new ClusterBadRequestException($"{at}.target is required"),
                health));
        }

        if (targets.DistinctBy(t => (t.UpstreamId, t.Target)).Count() != targets.Count)
        {
            throw new ClusterBadRequestException("target_health names a target of an upstream twice");
        }

        return DataPlaneTargetHealth.Sorted(targets);
    }

    private static Guid RequiredGuid(JsonElement body, string name) =>
        ParseNodeId(OptionalString(body, name), name);

    private static string? OptionalString(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ClusterBadRequestException($"{name} must be a string");
    }

    private static long? OptionalLong(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0
            ? number
            : throw new ClusterBadRequestException($"{name} must be a non-negative integer");
    }

    private static List<string> Strings(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new ClusterBadRequestException($"{name} must be an array of strings");
        }

        return [.. value.EnumerateArray().Select(e => e.GetString()!)];
    }

    private static SortedDictionary<string, string> Labels(JsonElement body)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!body.TryGetProperty("labels", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return labels;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ClusterBadRequestException("labels must be an object of strings");
        }

        foreach (var label in value.EnumerateObject())
        {
            labels[label.Name] = label.Value.ValueKind switch
            {
                JsonValueKind.String => label.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => label.Value.GetRawText(),
                _ => throw new ClusterBadRequestException(string.Create(CultureInfo.InvariantCulture, $"labels.{label.Name} must be a string")),
            };
        }

        return labels;
    }
}
