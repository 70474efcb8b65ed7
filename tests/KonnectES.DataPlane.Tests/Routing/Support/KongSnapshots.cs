using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.DataPlane.Routing;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// Snapshots built the way the product builds them: a Kong declarative file imported into a control plane
/// through Decide/Fold, then <see cref="SnapshotDocument.Create"/>.
/// </summary>
internal static class KongSnapshots
{
    private static readonly Guid ControlPlaneId = new("6f1c2a1e-2d3b-4c5d-8e9f-0a1b2c3d4e5f");

    public static JsonObject FromYaml(string yaml)
    {
        var state = Apply(ControlPlaneConfig.Empty(ControlPlaneId), new CreateControlPlane(new ControlPlane { Name = "default" }));
        state = Apply(state, new ImportConfig(yaml, ConfigFormat.Yaml, ImportMode.Replace));
        return SnapshotDocument.Create(state);
    }

    public static RouteTable Compile(JsonObject snapshot)
    {
        using var document = JsonDocument.Parse(snapshot.ToJsonString());
        return RouteTable.Compile(document);
    }

    public static RouteTable CompileYaml(string yaml) => Compile(FromYaml(yaml));

    public static RouteTable CompileConfig(string name) => CompileYaml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Routing", "Configs", name)));

    public static RouteTable CompileFixture(string name) => CompileYaml(SharedFixtures.Read(name));

    private static ControlPlaneConfig Apply(ControlPlaneConfig state, IConfigCommand command)
    {
        var result = ControlPlaneConfig.Decide(state, command);
        Assert.True(result.IsSuccess, $"{command.GetType().Name} failed: {string.Join("; ", result.Errors)}");
        return ControlPlaneConfig.Fold(state, result.Value);
    }
}
