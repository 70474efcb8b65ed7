namespace KonnectES.EventStore;

/// <summary>
/// Runs async projections from their checkpoints.
/// </summary>
public interface IProjectionDaemon
{
    /// <summary>The async projections this process currently runs (each runs in one process at a time).</summary>
    public IReadOnlyCollection<string> RunningProjections { get; }

    /// <summary>
    /// Completes when every async projection's checkpoint has reached <paramref name="position"/>, whichever process runs it.
    /// </summary>
    /// <exception cref="TimeoutException">Not caught up within <paramref name="timeout"/>; the message names the lagging projections.</exception>
    public Task WaitForNonStaleAsync(Position position, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// Empties the projection's read model and replays every event into it, then lets it continue live.
    /// Waits until this process runs the projection.
    /// </summary>
    public Task RebuildAsync(string projection, IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default);
}
