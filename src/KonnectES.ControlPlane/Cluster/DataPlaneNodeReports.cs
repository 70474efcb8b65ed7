using KonnectES.EventStore;
using KonnectES.Projections.DataPlaneNodes;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>
/// Turns the nodes' heartbeats and refusals into their records. A report that changes something (first seen, another
/// applied version or hash, new errors, a new refusal, another host name, version or labels) is appended as an event
/// to the node's stream and projected, so the portal's history of a node is in the event store; a heartbeat that only
/// says "still here" moves <c>last_seen</c> in place: at one heartbeat per node every 10 s, recording those as events
/// would grow the store by millions of rows a day for nothing anyone reads. A heartbeat carries the node's target
/// health only when the node saw it change (or after it reconnected); it is an event only when it differs from the
/// recorded set.
/// </summary>
internal sealed class DataPlaneNodeReports(
    IEventStore store, DataPlaneNodeReader nodes, DataPlaneTargetHealthReader targetHealth, DataPlaneNodeNotifications notifications, TimeProvider time)
{
    public async Task ReportStatusAsync(Guid controlPlaneId, StatusReport report, CancellationToken cancellationToken)
    {
        var known = await nodes.GetAsync(controlPlaneId, report.NodeId, cancellationToken);
        var events = new List<object>();
        if (known is null || Changes(known, report))
        {
            events.Add(new DataPlaneNodeReported(
                controlPlaneId, report.NodeId, report.Hostname, report.Version, report.Labels, report.ConfigVersion,
                report.ConfigHash, report.SnapshotHash, report.Errors));
        }

        if (report.TargetHealth is { } health && !await SameHealthAsync(controlPlaneId, known, health, cancellationToken))
        {
            events.Add(new DataPlaneNodeTargetHealthChanged(controlPlaneId, report.NodeId, health));
        }

        if (events.Count > 0)
        {
            await AppendAsync(controlPlaneId, report.NodeId, events, cancellationToken);
        }
        else
        {
            await nodes.TouchAsync(controlPlaneId, report.NodeId, time.GetUtcNow(), cancellationToken);
        }

        // Even a touch can change the computed status (an UNKNOWN node is back): wake this process's subscriptions.
        notifications.Publish(controlPlaneId);
    }

    /// <summary>
    /// True when the node's recorded target health is <paramref name="health"/> already. A node that never reported any
    /// has none: its first report, even an empty one, is recorded.
    /// </summary>
    private async Task<bool> SameHealthAsync(
        Guid controlPlaneId, DataPlaneNodeRecord? known, IReadOnlyList<DataPlaneTargetHealth> health, CancellationToken cancellationToken) =>
        known?.HealthChangedAt is not null
        && (await targetHealth.ListAsync(controlPlaneId, known.NodeId, cancellationToken)).SequenceEqual(DataPlaneTargetHealth.Sorted(health));

    public async Task ReportRefusalAsync(Guid controlPlaneId, NackReport nack, CancellationToken cancellationToken)
    {
        var known = await nodes.GetAsync(controlPlaneId, nack.NodeId, cancellationToken);
        if (known is not null && known.RefusedSnapshotHash == nack.SnapshotHash && known.LastError == nack.Error)
        {
            await nodes.TouchAsync(controlPlaneId, nack.NodeId, time.GetUtcNow(), cancellationToken);
        }
        else
        {
            await AppendAsync(controlPlaneId, nack.NodeId, [new DataPlaneNodeRefusedSnapshot(
                controlPlaneId, nack.NodeId, nack.Version, nack.ConfigHash, nack.SnapshotHash, nack.Error, nack.Details)], cancellationToken);
        }

        notifications.Publish(controlPlaneId);
    }

    private static bool Changes(DataPlaneNodeRecord known, StatusReport report) =>
        known.Hostname != report.Hostname
        || known.Version != report.Version
        || known.ConfigVersion != report.ConfigVersion
        || known.ConfigHash != report.ConfigHash
        || known.SnapshotHash != report.SnapshotHash
        || !known.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).SequenceEqual(report.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        || (report.Errors.Count > 0 && (known.LastError != report.Errors[0] || !known.LastErrorDetails.SequenceEqual(report.Errors)));

    private Task AppendAsync(Guid controlPlaneId, Guid nodeId, IReadOnlyList<object> events, CancellationToken cancellationToken) =>
        store.AppendAsync(
            DataPlaneNodeStream.Id(controlPlaneId, nodeId), ExpectedVersion.Any, events,
            new EventMetadata { Actor = $"data-plane-node:{nodeId:D}" }, cancellationToken);
}
