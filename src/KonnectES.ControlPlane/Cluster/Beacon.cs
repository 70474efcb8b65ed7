namespace KonnectES.ControlPlane.Cluster;

/// <summary>
/// A wake-up per key: a generation number that grows on every <see cref="Raise"/>, and a task that completes when it
/// grows past a generation a waiter already saw, so nothing raised between "look" and "wait" is missed.
/// </summary>
internal sealed class Beacon
{
    private readonly Lock _gate = new();
    private long _generation;
    private TaskCompletionSource _raised = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    public void Raise()
    {
        TaskCompletionSource raised;
        lock (_gate)
        {
            _generation++;
            raised = _raised;
            _raised = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        raised.SetResult();
    }

    /// <summary>Completes once the generation is past <paramref name="seen"/>.</summary>
    public async Task WaitAsync(long seen, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task raised;
            lock (_gate)
            {
                if (_generation > seen)
                {
                    return;
                }

                raised = _raised.Task;
            }

            await raised.WaitAsync(cancellationToken);
        }
    }
}
