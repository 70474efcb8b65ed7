using KonnectES.ControlPlane.Analytics;
using KonnectES.ControlPlane.Auth;
using KonnectES.Projections.ConfigSnapshot;
using KonnectES.Projections.DataPlaneNodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>
/// The cluster port's endpoints (<c>docs/cluster-protocol.md</c>): the push channel and its long-poll fallback, the full
/// snapshot and the delta, heartbeats and refusals. Every request carries a data-plane token, which names the one
/// control plane it may see.
/// </summary>
public static partial class ClusterEndpoints
{
    /// <summary>Maps <c>/v1/outlet</c>, <c>/v1/outlet/poll</c>, <c>/v1/config</c>, <c>/v1/status</c>, <c>/v1/nack</c> and <c>/v1/traffic</c>.</summary>
    public static IEndpointRouteBuilder MapCluster(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var v1 = endpoints.MapGroup("/v1");
        v1.Map("/outlet", context => Handle(context, OutletAsync));
        v1.MapGet("/outlet/poll", context => Handle(context, PollAsync));
        v1.MapGet("/config", context => Handle(context, ConfigAsync));
        v1.MapPost("/status", context => Handle(context, StatusAsync));
        v1.MapPost("/nack", context => Handle(context, NackAsync));
        v1.MapTrafficReports();
        return endpoints;
    }

    private static async Task Handle(HttpContext http, Func<HttpContext, DataPlaneCredential, Task> endpoint)
    {
        if (await ClusterHttp.AuthenticateAsync(http) is not { } credential)
        {
            return;
        }

        try
        {
            await endpoint(http, credential);
        }
        catch (ClusterBadRequestException bad) when (!http.Response.HasStarted)
        {
            await ClusterHttp.ErrorAsync(http, StatusCodes.Status400BadRequest, bad.Message);
        }
    }

    /// <summary>The control plane's head, read from its snapshot and handed to this process's hub; null when it has none.</summary>
    private static async Task<SnapshotReady?> HeadAsync(HttpContext http, Guid controlPlaneId)
    {
        var head = await http.RequestServices.GetRequiredService<ConfigSnapshotReader>().GetHeadAsync(controlPlaneId, http.RequestAborted);
        if (head is not { } h)
        {
            return null;
        }

        var ready = new SnapshotReady(controlPlaneId, h.Version, h.Hash.ToString(), h.SnapshotHash.ToString());
        var notifications = http.RequestServices.GetRequiredService<SnapshotNotifications>();
        notifications.Publish(ready);
        return notifications.Latest(controlPlaneId) ?? ready;
    }

    /// <summary>True when the node refused exactly this snapshot: it is not pushed to it again.</summary>
    private static async Task<bool> RefusedAsync(HttpContext http, Guid controlPlaneId, Guid? nodeId, SnapshotReady ready, CancellationToken cancellationToken)
    {
        if (nodeId is not { } node)
        {
            return false;
        }

        var record = await http.RequestServices.GetRequiredService<DataPlaneNodeReader>().GetAsync(controlPlaneId, node, cancellationToken);
        if (record?.RefusedSnapshotHash != ready.SnapshotHash)
        {
            return false;
        }

        ClusterLog.RefusedNotPushed(Logger(http), ready.Version, node, ready.SnapshotHash);
        return true;
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("KonnectES.ControlPlane.Cluster");
}
