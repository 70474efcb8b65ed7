using KonnectES.Domain;

namespace KonnectES.ControlPlane.Configuration;

/// <summary>The stored form of a configuration at one version (entities carry their <c>$kind</c>).</summary>
internal sealed record ConfigCheckpoint(Domain.ControlPlane? ControlPlane, IReadOnlyList<ConfigEntity> Entities)
{
    public static string Serialize(ControlPlaneConfig state) =>
        DomainJson.Serialize(new ConfigCheckpoint(state.ControlPlane, [.. state.Entities]));

    public static ControlPlaneConfig Restore(Guid controlPlaneId, long version, string json)
    {
        var checkpoint = (ConfigCheckpoint)DomainJson.Deserialize(json, typeof(ConfigCheckpoint))!;
        return ControlPlaneConfig.Restore(controlPlaneId, checkpoint.ControlPlane, version, checkpoint.Entities);
    }
}
