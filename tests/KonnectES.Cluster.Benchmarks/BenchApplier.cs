using System.Diagnostics;
using KonnectES.DataPlane.Sync;

namespace KonnectES.Cluster.Benchmarks;

/// <summary>
/// A proxy that accepts every snapshot, noting when it got each version, and tells the watched round once its version
/// (or a newer one) arrived, with the time it arrived.
/// </summary>
internal sealed class BenchApplier : ISnapshotApplier
{
    private readonly Lock _gate = new();
    private PropagationRound? _round;
    private bool _reported;
    private long _appliedVersion;
    private long _appliedAt;

    public void Watch(PropagationRound round)
    {
        lock (_gate)
        {
            _round = round;
            _reported = false;
            Report();
        }
    }

    public ValueTask<SnapshotApplyResult> ApplyAsync(AppliedSnapshot snapshot, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _appliedVersion = snapshot.Version;
            _appliedAt = now;
            Report();
        }

        return ValueTask.FromResult(SnapshotApplyResult.Applied);
    }

    private void Report()
    {
        if (_round is { } round && !_reported && _appliedVersion >= round.Target)
        {
            _reported = true;
            round.Reached(_appliedAt);
        }
    }
}
