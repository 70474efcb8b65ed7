namespace KonnectES.EventStore;

/// <summary>
/// Folds one stream into a state, for live aggregation (and optional snapshots).
/// </summary>
/// <typeparam name="TState">The state; serialisable with the store's JSON options when snapshots are on.</typeparam>
public interface IStreamAggregator<TState>
{
    /// <summary>The snapshot key, e.g. <c>account</c>.</summary>
    public string Name { get; }

    /// <summary>Bump when <see cref="Apply"/> changes meaning: older snapshots are then ignored and rewritten.</summary>
    public int SchemaVersion { get; }

    /// <summary>Store a snapshot whenever a fold crosses a multiple of this many events; 0 turns snapshots off.</summary>
    public int SnapshotEvery { get; }

    /// <summary>The state before the first event.</summary>
    public TState Initial();

    /// <summary>The state after one more event.</summary>
    public TState Apply(TState state, EventEnvelope @event);
}
