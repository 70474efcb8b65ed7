using System.Text.Json;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Tests.Plugins;

/// <summary>Builds snapshots the way the control plane does: a Kong YAML imported into a configuration, then projected.</summary>
internal static class KongSnapshot
{
    public static JsonElement FromYaml(string yaml)
    {
        var state = DeclarativeConfig.Load(ControlPlaneConfig.Empty(Guid.NewGuid()), yaml, ConfigFormat.Yaml, ImportMode.Replace);
        Assert.True(state.IsSuccess, string.Join("; ", state.Errors.Select(e => e.ToString())));
        var json = SnapshotDocument.Create(state.Value).ToJsonString();
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
