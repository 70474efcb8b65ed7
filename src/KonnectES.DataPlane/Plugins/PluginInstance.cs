using System.Collections.Immutable;

namespace KonnectES.DataPlane.Plugins;

/// <summary>A plugin entity of the snapshot with its compiled handler.</summary>
internal sealed record PluginInstance(Guid Id, string Name, string? InstanceName, PluginScope Scope, ImmutableArray<string> Protocols, KongPlugin Handler)
{
    /// <summary>True when the plugin runs for requests of <paramref name="protocol"/> (http, https, grpc, grpcs).</summary>
    public bool RunsOn(string protocol) => Protocols.IsDefaultOrEmpty || Protocols.Contains(protocol);
}
