namespace KonnectES.EventStore;

/// <summary>
/// Takes part in every append without the store knowing what it does, e.g. a messaging library that writes
/// outbox rows in the same transaction and dispatches them after commit.
/// </summary>
public interface IAppendParticipant
{
    /// <summary>Runs inside the append's transaction after the events and inline projections; throwing fails the append.</summary>
    public Task OnAppendingAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken);

    /// <summary>Runs after the store committed the append (not for appends inside a caller's transaction).</summary>
    public Task OnCommittedAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken);
}
