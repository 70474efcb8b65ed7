using System.Collections.Immutable;
using System.Text.Json;

namespace KonnectES.Domain;

/// <summary>
/// A plugin instance. Its scope is the set of foreign keys (none = global); one instance per
/// name + scope. <see cref="Config"/> is the plugin's Kong config: with every default filled in for a fully
/// supported plugin, as given for a pass-through one (<see cref="PluginCatalog.SupportOf"/>).
/// </summary>
public sealed record Plugin : ConfigEntity
{
    private static readonly JsonElement EmptyConfig = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>A bundled Kong Gateway plugin name (see <see cref="PluginCatalog.KnownNames"/>).</summary>
    public string Name { get; init; } = "";

    /// <summary>Optional unique instance name.</summary>
    public string? InstanceName { get; init; }

    /// <summary>Kong config object (keys sorted; defaults filled on write for fully supported plugins).</summary>
    public JsonElement Config { get; init; } = EmptyConfig;

    /// <summary>Protocols the plugin runs on (a set, stored sorted).</summary>
    public ImmutableArray<string> Protocols { get; init; } = ["grpc", "grpcs", "http", "https"];

    /// <summary>Disabled plugins are not shipped to data planes.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Service scope.</summary>
    public Guid? ServiceId { get; init; }

    /// <summary>Route scope.</summary>
    public Guid? RouteId { get; init; }

    /// <summary>Consumer scope.</summary>
    public Guid? ConsumerId { get; init; }

    /// <summary>Consumer-group scope.</summary>
    public Guid? ConsumerGroupId { get; init; }

    /// <summary>True when no scope foreign key is set.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsGlobal => ServiceId is null && RouteId is null && ConsumerId is null && ConsumerGroupId is null;

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.Plugin;

    /// <inheritdoc />
    public override string? DisplayName => InstanceName ?? Name;
}
