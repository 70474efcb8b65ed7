using System.Text.Json.Nodes;

namespace KonnectES.Domain;

/// <summary>
/// The configuration as data planes receive it: Kong declarative 3.0, flat top-level arrays in
/// dependency order, foreign keys as ids, <c>_transform: false</c>, secrets included, and (unless
/// asked otherwise) disabled services with their routes and plugins, and disabled plugins, left out.
/// </summary>
public static class SnapshotDocument
{
    /// <summary>Top-level keys in the order data planes load them.</summary>
    public static IReadOnlyList<string> Sections { get; } =
    [
        "certificates", "snis", "ca_certificates", "services", "routes", "upstreams", "targets", "consumers", "consumer_groups",
        "consumer_group_consumers", "keyauth_credentials", "basicauth_credentials", "jwt_secrets", "acls",
        "hmacauth_credentials", "plugins",
    ];

    /// <summary>The whole snapshot; <c>_konnectes</c> carries the version and the config hash.</summary>
    public static JsonObject Create(ControlPlaneConfig state, bool includeDisabled = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        var doc = new JsonObject
        {
            ["_format_version"] = "3.0",
            ["_transform"] = false,
            ["_konnectes"] = new JsonObject { ["version"] = state.Version, ["config_hash"] = state.Hash.ToString() },
        };
        var sections = Sections.ToDictionary(s => s, _ => new List<ConfigEntity>());
        foreach (var entity in state.Entities)
        {
            if (includeDisabled || IsShipped(state, entity))
            {
                sections[SectionOf(entity)].Add(entity);
            }
        }

        foreach (var section in Sections)
        {
            doc[section] = new JsonArray([.. sections[section].OrderBy(e => e.Id).Select(e => (JsonNode)Entity(e))]);
        }

        return doc;
    }

    /// <summary>One entity as it appears in the snapshot (for incremental projections).</summary>
    public static JsonObject Entity(ConfigEntity entity) => KongEntityJson.ToKong(entity);

    /// <summary>The snapshot section an entity belongs to (e.g. <c>services</c>, <c>keyauth_credentials</c>).</summary>
    public static string SectionOf(ConfigEntity entity) => entity switch
    {
        Credential c => DeclarativeLoader.CredentialKeys.First(k => k.Kind == c.Kind).Key,
        ConsumerGroupMember => "consumer_group_consumers",
        _ => Relations.Table(entity.EntityType),
    };

    /// <summary>False for disabled plugins and disabled services, and for routes and plugins attached to those.</summary>
    public static bool IsShipped(ControlPlaneConfig state, ConfigEntity entity) => entity switch
    {
        Service s => s.Enabled,
        Route r => r.ServiceId is not { } sid || state.Find<Service>(sid)?.Enabled != false,
        Plugin p => p.Enabled
            && (p.ServiceId is not { } ps || state.Find<Service>(ps)?.Enabled != false)
            && (p.RouteId is not { } pr || state.Find<Route>(pr) is not { } route || IsShipped(state, route)),
        _ => true,
    };
}
