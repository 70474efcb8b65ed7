namespace KonnectES.EventStore;

/// <summary>
/// Turns events into a read model with SQL. Registered with <c>AddProjection&lt;T&gt;(lifecycle)</c>.
/// </summary>
public interface IProjection
{
    /// <summary>A stable name: the checkpoint and the leadership lock are keyed by it.</summary>
    public string Name { get; }

    /// <summary>
    /// Applies events in global order. Inline: the events of one append. Async: a page of events after
    /// the checkpoint, committed together with the new checkpoint. Throwing rolls everything back.
    /// </summary>
    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken);

    /// <summary>Empties (or creates) the read model before a rebuild replays every event.</summary>
    public Task ResetAsync(ProjectionContext context, CancellationToken cancellationToken);
}
