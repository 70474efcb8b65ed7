using KonnectES.GraphQL.Types;

namespace KonnectES.ControlPlane.Portal;

/// <summary>
/// Target health in the portal: <c>Upstream.health</c>, one entry per connected data-plane node and target, as each
/// node's health checks see it (Kong keeps health per node; Konnect shows it per data plane).
/// </summary>
public static partial class PortalSchema
{
    private const string HealthSdl = """
        extend type DataPlaneNode {
          "When the node's target health last changed (see Upstream.health); null until it reported any."
          healthChangedAt: DateTime
        }
        """;

    private static void BindHealth(SchemaBuilder builder) => builder
        .AddTypeDefinitions(HealthSdl)
        .ResolveAsync("Upstream", "health", async c => (object?)(await c.DataLoader<TargetHealthLoader>().LoadAsync(
            new UpstreamKey(EntityView.ControlPlane(c.Parent), EntityView.Id(c.Parent)), c.CancellationToken) ?? []));
}
