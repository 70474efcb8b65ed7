namespace KonnectES.EventStore;

/// <summary>
/// A broadcast pulse: take <see cref="Next"/> before checking for work, then await it, so no pulse is missed.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse()
    {
        var previous = Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }
}
