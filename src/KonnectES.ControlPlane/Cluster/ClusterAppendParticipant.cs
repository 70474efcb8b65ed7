using KonnectES.Domain;
using KonnectES.EventStore;
using KonnectES.Messaging;
using KonnectES.Projections;
using KonnectES.Projections.ConfigSnapshot;
using KonnectES.Projections.DataPlaneNodes;
using Microsoft.Extensions.Options;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>
/// Writes the cluster's messages into the outbox in the transaction of the events that cause them, so they exist if and
/// only if the events commit: one <see cref="SnapshotReady"/> per control plane whose configuration stream was appended
/// to (with the head after the append), one <see cref="DataPlaneNodeChanged"/> per node whose record changed. Both are
/// broadcast to every running control-plane node.
/// </summary>
internal sealed class ClusterAppendParticipant(IOutbox outbox, IOptions<ReadModelOptions> readModels) : IAppendParticipant
{
    public async Task OnAppendingAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        var controlPlanes = events.Where(e => e.Data is IConfigEvent).Select(e => e.StreamId).Distinct().ToList();
        var messages = new List<OutgoingMessage>();
        if (controlPlanes.Count > 0)
        {
            // The inline projections have only queued their commands: run them now, so the heads read below are the ones
            // this append produces (the store's own flush then finds the batch empty).
            if (context.Batch.BatchCommands.Count > 0)
            {
                await context.Batch.ExecuteNonQueryAsync(cancellationToken);
                context.Batch.BatchCommands.Clear();
            }

            foreach (var (controlPlaneId, version, hash, snapshotHash) in await ConfigSnapshotHeads.ReadAsync(context.Transaction, readModels.Value.Schema, controlPlanes, cancellationToken))
            {
                messages.Add(new OutgoingMessage(
                    new SnapshotReady(controlPlaneId, version, hash.ToString(), snapshotHash.ToString()), MessageOptions.Broadcast));
            }
        }

        foreach (var node in events.Select(e => e.Data switch
                 {
                     DataPlaneNodeReported r => new DataPlaneNodeChanged(r.ControlPlaneId, r.NodeId),
                     DataPlaneNodeRefusedSnapshot n => new DataPlaneNodeChanged(n.ControlPlaneId, n.NodeId),
                     DataPlaneNodeTargetHealthChanged h => new DataPlaneNodeChanged(h.ControlPlaneId, h.NodeId),
                     _ => null,
                 }).OfType<DataPlaneNodeChanged>().Distinct())
        {
            messages.Add(new OutgoingMessage(node, MessageOptions.Broadcast));
        }

        if (messages.Count > 0)
        {
            await outbox.EnqueueManyAsync(context.Transaction, messages, cancellationToken);
        }
    }

    // The relay is woken by the NOTIFY that commits with the append: nothing to do after the commit.
    public Task OnCommittedAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken) => Task.CompletedTask;
}
