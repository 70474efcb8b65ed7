using System.Text.Encodings.Web;
using System.Text.Json;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Sync;

namespace KonnectES.DataPlane.Hosting;

/// <summary>The JSON of <c>GET /status</c> on the status listener (8100): what is served, and how syncing goes.</summary>
internal static class DataPlaneStatus
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document.</summary>
    public static byte[] Write(ProxyConfigurationHolder holder, SyncClient sync, DataPlaneClock clock, TimeProvider time)
    {
        var configuration = holder.Current;
        var status = sync.Status;
        var compile = holder.LastCompile;
        var synced = sync.LastSync;
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
            LastSync = synced is null ? null : new
            {
                synced.Version,
                synced.Kind,
                synced.Bytes,
                synced.Applied,
                synced.StartedAt,
                TotalMs = Milliseconds(synced.Total),
                DownloadMs = Milliseconds(synced.Download),
                ParseMs = Milliseconds(synced.Parse),
                HashMs = Milliseconds(synced.Hash),
                CompileMs = Milliseconds(synced.Compile),
            },
            LastCompile = compile is null ? null : new
            {
                compile.Version,
                compile.Applied,
                TotalMs = Milliseconds(compile.Total),
                RoutesMs = Milliseconds(compile.Routes),
                ReusedRoutes = compile.ReusedRoutes,
                PluginsMs = Milliseconds(compile.Plugins),
                UpstreamsMs = Milliseconds(compile.Upstreams),
            },
        }, Json);
    }

    private static double Milliseconds(TimeSpan time) => Math.Round(time.TotalMilliseconds, 1);
}
