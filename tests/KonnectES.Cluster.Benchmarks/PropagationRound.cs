namespace KonnectES.Cluster.Benchmarks;

/// <summary>
/// One mutation's wait: completes, with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the last arrival,
/// when every data plane of the fleet was handed a version at least <see cref="Target"/>.
/// </summary>
internal sealed class PropagationRound(long target, int dataPlanes)
{
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = dataPlanes;
    private long _last;

    public long Target { get; } = target;

    public Task<long> Done => _done.Task;

    public void Reached(long timestamp)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _last);
        }
        while (timestamp > seen && Interlocked.CompareExchange(ref _last, timestamp, seen) != seen);

        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.TrySetResult(Interlocked.Read(ref _last));
        }
    }
}
