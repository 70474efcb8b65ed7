using System.Text.Json;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Sync;

namespace KonnectES.DataPlane.Hosting;

/// <summary>The JSON of <c>GET /status</c> on the status listener (8100): what is served, and how syncing goes.</summary>
internal static class DataPlaneStatus
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The document.</summary>
    public static byte[] Write(ProxyConfigurationHolder holder, SyncClient sync, DataPlaneClock clock, TimeProvider time)
    {
        var configuration = holder.Current;
        var status = sync.Status;
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            Status = configuration.Version is null ? "waiting" : "serving",
            NodeId = sync.NodeId,
            UptimeSeconds = (long)(time.GetUtcNow() - clock.StartedAt).TotalSeconds,
            Configuration = new
            {
                configuration.Version,
                ConfigHash = configuration.ConfigHash?.ToString(),
                SnapshotHash = configuration.SnapshotHash?.ToString(),
                Routes = configuration.Routes.Count,
                Services = configuration.ServiceCount,
                Plugins = configuration.Plugins.Plugins.Instances.Count(),
                Upstreams = configuration.Upstreams.Balancers.Length,
            },
            Sync = new
            {
                State = status.State.ToString().ToLowerInvariant(),
                status.Version,
                status.Transport,
                status.LastContact,
                LastError = status.LastError ?? holder.LastError,
            },
        }, Json);
    }
}
