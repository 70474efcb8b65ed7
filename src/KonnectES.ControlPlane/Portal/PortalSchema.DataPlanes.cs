using System.Text.Json;
using KonnectES.ControlPlane.Auth;
using KonnectES.ControlPlane.Cluster;
using KonnectES.Domain;
using KonnectES.GraphQL;
using KonnectES.GraphQL.Types;
using KonnectES.Projections.ConfigSnapshot;
using KonnectES.Projections.DataPlaneNodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KonnectES.ControlPlane.Portal;

/// <summary>
/// Data planes in the portal: <c>ControlPlane.dataPlanes</c> (the nodes that report through the cluster port, with a
/// <c>syncStatus</c> computed when read), the control plane's data-plane tokens, and their revocation.
/// </summary>
public static partial class PortalSchema
{
    private const string DataPlaneSdl = """
        extend type DataPlaneNode {
          "When the node first reported."
          firstSeen: DateTime!
          "The content hash of the snapshot the node applied."
          snapshotHash: String
          "The node's last error: the reason it refused a snapshot, or the first error of its status; cleared when it applies another snapshot."
          lastError: String
          "The details of lastError, one line per problem."
          lastErrorDetails: [String!]!
          "The snapshot hash the node refused last: it is not pushed to that node again."
          refusedSnapshotHash: String
        }

        "A data-plane token, without its secret."
        type DataPlaneToken { id: ID! name: String! createdAt: DateTime! createdBy: String! expiresAt: DateTime lastUsedAt: DateTime revokedAt: DateTime }

        extend type ControlPlane {
          "The data-plane tokens of this control plane (CONTROL_PLANE_ADMIN and above)."
          dataPlaneTokens: [DataPlaneToken!]!
        }

        extend type DataPlaneTokenPayload { id: ID name: String }

        input RevokeDataPlaneTokenInput { controlPlaneId: ID! "the token's id" id: ID "or its name" name: String }
        type RevokeDataPlaneTokenPayload { revoked: Boolean! errors: [UserError!]! }

        extend type Mutation {
          "Revokes a data-plane token by id or name (CONTROL_PLANE_ADMIN and above): its data planes get 401 from then on."
          revokeDataPlaneToken(input: RevokeDataPlaneTokenInput!): RevokeDataPlaneTokenPayload!
        }
        """;

    private static void BindDataPlanes(SchemaBuilder builder) => builder
        .AddTypeDefinitions(DataPlaneSdl)
        .ResolveAsync("ControlPlane", "dataPlanes", async c =>
        {
            var controlPlaneId = ParentControlPlane(c);
            CallerReading(c, controlPlaneId);
            return (object)await DataPlaneViewsAsync(c.Services, controlPlaneId, c.CancellationToken);
        })
        .ResolveAsync("ControlPlane", "dataPlaneTokens", async c =>
        {
            var controlPlaneId = ParentControlPlane(c);
            if (!PortalRequest.Caller(c).CanAdminister(controlPlaneId))
            {
                throw new GraphQLException("This token may not list the data-plane tokens of this control plane.", "FORBIDDEN");
            }

            var tokens = await c.Services.GetRequiredService<ApiTokenStore>().ListDataPlaneTokensAsync(controlPlaneId, c.CancellationToken);
            return (object)tokens.Select(t => new Dictionary<string, object?>
            {
                ["id"] = t.Id, ["name"] = t.Name, ["createdAt"] = t.CreatedAt, ["createdBy"] = t.CreatedBy,
                ["expiresAt"] = t.ExpiresAt, ["lastUsedAt"] = t.LastUsedAt, ["revokedAt"] = t.RevokedAt,
            }).ToList();
        })
        .ResolveAsync("Mutation", "revokeDataPlaneToken", c => GuardedAsync(c, async () =>
        {
            var input = PortalRequest.Input(c);
            var controlPlaneId = PortalRequest.RequiredId(input["controlPlaneId"]);
            if (!PortalRequest.Caller(c).CanAdminister(controlPlaneId))
            {
                return RevokePayload(false, PortalRequest.Forbidden());
            }

            var id = PortalRequest.OptionalId(input.GetValueOrDefault("id"));
            var name = input.GetValueOrDefault("name") as string;
            if (id is null && name is null)
            {
                return RevokePayload(false, PortalRequest.UserError(DomainError.Validation, "name the token by id or by name", "id"));
            }

            var revoked = await c.Services.GetRequiredService<ApiTokenStore>().RevokeDataPlaneTokenAsync(controlPlaneId, id, name, c.CancellationToken);
            return RevokePayload(revoked, revoked ? null : PortalRequest.UserError(DomainError.NotFound, "no active data-plane token with this id or name", "id"));
        }));

    /// <summary>The nodes of a control plane as <c>DataPlaneNode</c> values.</summary>
    private static async Task<List<Dictionary<string, object?>>> DataPlaneViewsAsync(IServiceProvider services, Guid controlPlaneId, CancellationToken cancellationToken)
    {
        var nodes = await services.GetRequiredService<DataPlaneNodeReader>().ListAsync(controlPlaneId, cancellationToken);
        if (nodes.Count == 0)
        {
            return [];
        }

        var head = await services.GetRequiredService<ConfigSnapshotReader>().GetHeadAsync(controlPlaneId, cancellationToken);
        var timeout = services.GetRequiredService<IOptions<ClusterOptions>>().Value.NodeTimeout;
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        return [.. nodes.Select(n => DataPlaneView(n, DataPlaneSyncStatus.Of(n, head?.Hash.ToString(), now, timeout)))];
    }

    private static Dictionary<string, object?> DataPlaneView(DataPlaneNodeRecord node, string status) => new()
    {
        ["__typename"] = "DataPlaneNode",
        ["id"] = node.NodeId,
        ["hostname"] = node.Hostname,
        ["version"] = node.Version,
        ["lastSeen"] = node.LastSeen,
        ["firstSeen"] = node.FirstSeen,
        ["configVersion"] = node.ConfigVersion,
        ["configHash"] = node.ConfigHash ?? "",
        ["snapshotHash"] = node.SnapshotHash,
        ["syncStatus"] = status,
        ["labels"] = node.Labels.ToDictionary(l => l.Key, l => (object?)l.Value),
        ["lastError"] = node.LastError,
        ["lastErrorDetails"] = node.LastErrorDetails,
        ["refusedSnapshotHash"] = node.RefusedSnapshotHash,
        ["healthChangedAt"] = node.HealthChangedAt,
    };

    /// <summary>What a <c>dataPlaneStatusChanged</c> subscriber compares: the view without <c>lastSeen</c>, which every heartbeat moves.</summary>
    private static string Fingerprint(Dictionary<string, object?> view) =>
        JsonSerializer.Serialize(view.Where(p => p.Key != "lastSeen").ToDictionary());

    private static Dictionary<string, object?> RevokePayload(bool revoked, Dictionary<string, object?>? error) => new()
    {
        ["revoked"] = revoked,
        ["errors"] = error is null ? Array.Empty<object>() : new[] { error },
    };
}
