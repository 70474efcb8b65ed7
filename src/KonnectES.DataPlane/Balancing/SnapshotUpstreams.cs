using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.Json;
using KonnectES.DataPlane.Routing;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Balancing;

/// <summary>Reads the <c>upstreams</c> and <c>targets</c> sections of a snapshot (Kong declarative 3.0, foreign keys by id).</summary>
internal static class SnapshotUpstreams
{
    /// <summary>Kong's default target port.</summary>
    public const int DefaultTargetPort = 8000;

    private static readonly JsonSerializerOptions HealthcheckJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static ImmutableArray<UpstreamDefinition> Read(JsonElement snapshot) => Read(SnapshotSections.Of(snapshot));

    /// <summary>Reads the upstreams of <paramref name="snapshot"/> with their targets.</summary>
    public static ImmutableArray<UpstreamDefinition> Read(SnapshotSections snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var targets = snapshot.Values("targets")
            .Select(t => (Upstream: ForeignKey(t, "upstream"), Target: Target(t)))
            .Where(t => t.Upstream is not null)
            .ToLookup(t => t.Upstream!.Value, t => t.Target);
        return [.. snapshot.Values("upstreams").Select(u => Upstream(u, targets))];
    }

    /// <summary>Splits Kong's <c>target</c> field: <c>host</c>, <c>host:port</c>, <c>ip:port</c> or <c>[ipv6]:port</c>.</summary>
    public static (string Host, int Port) SplitTarget(string target)
    {
        var port = DefaultTargetPort;
        var host = target;
        var colon = target.LastIndexOf(':');
        var bracket = target.LastIndexOf(']');
        if (colon > bracket && (bracket >= 0 || target.IndexOf(':', StringComparison.Ordinal) == colon))
        {
            host = target[..colon];
            port = int.Parse(target[(colon + 1)..], CultureInfo.InvariantCulture);
        }
        else if (bracket < 0 && IPAddress.TryParse(target, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            host = $"[{target}]";
        }

        return (host, port);
    }

    private static UpstreamDefinition Upstream(JsonElement u, ILookup<Guid, TargetDefinition> targets)
    {
        var id = Guid.Parse(u.GetProperty("id").GetString()!);
        var healthchecks = u.TryGetProperty("healthchecks", out var hc) && hc.ValueKind == JsonValueKind.Object
            ? hc.Deserialize<Healthchecks>(HealthcheckJson) ?? new Healthchecks()
            : new Healthchecks();
        return new UpstreamDefinition(
            id,
            String(u, "name") ?? "",
            String(u, "algorithm") ?? "round-robin",
            Hash(u, "hash_on", "hash_on"),
            Hash(u, "hash_fallback", "hash_fallback"),
            String(u, "hash_on_cookie"),
            String(u, "hash_on_cookie_path") ?? "/",
            u.TryGetProperty("slots", out var slots) && slots.ValueKind == JsonValueKind.Number ? slots.GetInt32() : 10000,
            String(u, "host_header"),
            healthchecks,
            [.. targets[id]]);
    }

    private static HashSource Hash(JsonElement u, string field, string prefix)
    {
        var kind = String(u, field) ?? "none";
        var name = kind switch
        {
            "header" => String(u, prefix + "_header"),
            "query_arg" => String(u, prefix + "_query_arg"),
            "uri_capture" => String(u, prefix + "_uri_capture"),
            _ => null,
        };
        return kind == "none" ? HashSource.None : new HashSource(kind, name);
    }

    private static TargetDefinition Target(JsonElement t)
    {
        var (host, port) = SplitTarget(String(t, "target") ?? "");
        var weight = t.TryGetProperty("weight", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetInt32() : 100;
        var isIp = IPAddress.TryParse(host.Trim('[', ']'), out _);
        return new TargetDefinition(Guid.Parse(t.GetProperty("id").GetString()!), host, port, weight, isIp);
    }

    /// <summary>A foreign key, either an id string or Kong's <c>{"id": "…"}</c> object.</summary>
    private static Guid? ForeignKey(JsonElement entity, string field)
    {
        if (!entity.TryGetProperty(field, out var value))
        {
            return null;
        }

        var id = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("id", out var inner) => inner.GetString(),
            _ => null,
        };
        return Guid.TryParse(id, out var guid) ? guid : null;
    }

    private static string? String(JsonElement entity, string field) =>
        entity.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
