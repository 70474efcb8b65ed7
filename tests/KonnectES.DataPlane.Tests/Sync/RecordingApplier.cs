using System.Collections.Concurrent;
using KonnectES.DataPlane.Sync;

namespace KonnectES.DataPlane.Tests.Sync;

/// <summary>
/// The proxy's place in these specifications: it records every snapshot it is handed and answers with
/// <see cref="Decide"/> (applied unless told otherwise).
/// </summary>
internal sealed class RecordingApplier : ISnapshotApplier
{
    public ConcurrentQueue<AppliedSnapshot> Received { get; } = new();

    public Func<AppliedSnapshot, SnapshotApplyResult> Decide { get; set; } = _ => SnapshotApplyResult.Applied;

    public ValueTask<SnapshotApplyResult> ApplyAsync(AppliedSnapshot snapshot, CancellationToken cancellationToken)
    {
        Received.Enqueue(snapshot);
        return ValueTask.FromResult(Decide(snapshot));
    }
}
