using KonnectES.ControlPlane.Cluster;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using KonnectES.Projections.AuditLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KonnectES.ControlPlane.Portal;

/// <summary>
/// <c>configChanged</c> follows the audit log (a committed read model), woken by the "snapshot ready" broadcast that every
/// control-plane node receives, so it sees changes made through any node; it reads the entries after the last one it
/// sent, so nothing is lost or sent twice. <c>dataPlaneStatusChanged</c> re-reads the control plane's nodes when one of
/// them reports (on any node), when the configuration changes (which changes IN_SYNC/OUT_OF_SYNC), and every
/// <see cref="ClusterOptions.StatusSweepInterval"/> (a node turning UNKNOWN), and sends the nodes that differ.
/// </summary>
public static partial class PortalSchema
{
    /// <summary>How often a <c>configChanged</c> subscription looks for new versions in a host without the cluster's notifications.</summary>
    internal static TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    private static void BindSubscriptions(SchemaBuilder builder) => builder
        .Subscribe("Subscription", "configChanged", ConfigChangedAsync)
        .Subscribe("Subscription", "dataPlaneStatusChanged", DataPlaneStatusChangedAsync);

    private static async IAsyncEnumerable<object?> ConfigChangedAsync(IResolverContext c)
    {
        var controlPlaneId = PortalRequest.RequiredId(c.Arguments["controlPlaneId"]);
        CallerReading(c, controlPlaneId);
        var reader = c.Services.GetRequiredService<AuditLogReader>();
        var notifications = c.Services.GetService<SnapshotNotifications>();
        var fallback = notifications is null ? PollInterval : c.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ConfigChangeFallbackPoll;
        var cancellationToken = c.CancellationToken;
        var latest = await reader.ReadAsync(new AuditLogQuery(controlPlaneId) { First = 1 }, cancellationToken);
        var seen = latest.Count == 0 ? 0 : latest[0].Version;
        while (true)
        {
            using (var woken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var delay = Task.Delay(fallback, woken.Token);
                await Task.WhenAny(notifications?.WaitForNewerAsync(controlPlaneId, seen, woken.Token) ?? delay, delay);
                await woken.CancelAsync();
            }

            cancellationToken.ThrowIfCancellationRequested();
            var fresh = await reader.ReadAsync(new AuditLogQuery(controlPlaneId) { First = 100 }, cancellationToken);
            foreach (var entry in fresh.Where(e => e.Version > seen).OrderBy(e => e.Version))
            {
                seen = entry.Version;
                yield return EventView(entry);
            }

            // A version without an audit entry must not wake this loop again and again.
            seen = Math.Max(seen, notifications?.Latest(controlPlaneId)?.Version ?? 0);
        }
    }

    private static async IAsyncEnumerable<object?> DataPlaneStatusChangedAsync(IResolverContext c)
    {
        var controlPlaneId = PortalRequest.RequiredId(c.Arguments["controlPlaneId"]);
        CallerReading(c, controlPlaneId);
        var cancellationToken = c.CancellationToken;
        var nodes = c.Services.GetRequiredService<DataPlaneNodeNotifications>();
        var snapshots = c.Services.GetRequiredService<SnapshotNotifications>();
        var sweep = c.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.StatusSweepInterval;
        var generation = nodes.Generation(controlPlaneId);
        var version = snapshots.Latest(controlPlaneId)?.Version ?? 0;
        var sent = (await DataPlaneViewsAsync(c.Services, controlPlaneId, cancellationToken)).ToDictionary(v => (Guid)v["id"]!, Fingerprint);
        while (true)
        {
            using (var woken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(
                    nodes.WaitAsync(controlPlaneId, generation, woken.Token),
                    snapshots.WaitForNewerAsync(controlPlaneId, version, woken.Token),
                    Task.Delay(sweep, woken.Token));
                await woken.CancelAsync();
            }

            cancellationToken.ThrowIfCancellationRequested();
            generation = nodes.Generation(controlPlaneId);
            version = snapshots.Latest(controlPlaneId)?.Version ?? version;
            foreach (var view in await DataPlaneViewsAsync(c.Services, controlPlaneId, cancellationToken))
            {
                var fingerprint = Fingerprint(view);
                if (!sent.TryGetValue((Guid)view["id"]!, out var before) || before != fingerprint)
                {
                    sent[(Guid)view["id"]!] = fingerprint;
                    yield return view;
                }
            }
        }
    }
}
