using System.Text.Json.Nodes;

namespace KonnectES.Domain;

/// <summary>A bundled plugin's schema: allowed scopes and protocols, config fields and entity checks.</summary>
internal sealed record PluginSchema(string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string> Protocols, IReadOnlyList<ConfigField> Fields)
{
    public static readonly string[] AllScopes = ["service", "route", "consumer", "consumer_group"];
    public static readonly string[] HttpProtocols = ["grpc", "grpcs", "http", "https"];

    /// <summary>Cross-field rules on the normalised config; yields (message, field).</summary>
    public Func<JsonObject, IEnumerable<(string Message, string Field)>> Check { get; init; } = _ => [];
}
