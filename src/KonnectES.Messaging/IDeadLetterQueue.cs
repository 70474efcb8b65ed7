namespace KonnectES.Messaging;

/// <summary>
/// Lists, replays and purges dead letters.
/// </summary>
public interface IDeadLetterQueue
{
    /// <summary>The newest dead letters first.</summary>
    public Task<IReadOnlyList<DeadLetter>> ListAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts the dead letters of <paramref name="messageId"/> back into the outbox with their attempts reset
    /// (a broadcast is published again to every node); returns how many were replayed.
    /// </summary>
    public Task<int> ReplayAsync(Guid messageId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the dead letters of <paramref name="messageId"/>; returns how many were deleted.</summary>
    public Task<int> PurgeAsync(Guid messageId, CancellationToken cancellationToken = default);
}
