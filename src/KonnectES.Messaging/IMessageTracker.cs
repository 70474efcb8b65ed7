namespace KonnectES.Messaging;

/// <summary>
/// Awaitable signals for tests and hosts, so nobody has to sleep: "this message was handled here",
/// "this message was dead-lettered here", "the outbox is empty".
/// </summary>
public interface IMessageTracker
{
    /// <summary>Completes when this node has handled the message (also if it did so before the call).</summary>
    public Task<HandledMessage> WaitForHandledAsync(Guid messageId, CancellationToken cancellationToken = default);

    /// <summary>Completes when this node has moved the message to the dead letters (also if before the call).</summary>
    public Task<DeadLetter> WaitForDeadLetterAsync(Guid messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes when the outbox has no row left (every message dispatched, retried to success or dead-lettered);
    /// checked after each of this node's relay cycles.
    /// </summary>
    public Task WaitForOutboxDrainedAsync(CancellationToken cancellationToken = default);

    /// <summary>How many messages this node has handled since it started (duplicates dropped by the inbox excluded).</summary>
    public long HandledCount { get; }
}
