using Npgsql;

namespace KonnectES.EventStore;

/// <summary>
/// Streams of events in PostgreSQL: append with optimistic concurrency, read, fold.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// The store's pooled data source; hosts may use it for their own read models. Its connections are not reset
    /// when returned to the pool: leave no session state behind (SET, LISTEN, session advisory locks, temp tables).
    /// </summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates or migrates the store's schema; idempotent and safe to run from several processes.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends events to one stream in one transaction, together with the inline projections.
    /// </summary>
    /// <exception cref="ConcurrencyException">The stream's version does not match <paramref name="expected"/>.</exception>
    public Task<AppendResult> AppendAsync(
        Guid streamId, ExpectedVersion expected, IReadOnlyList<object> events, EventMetadata? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>Appends to several streams atomically: if one check fails, nothing is stored.</summary>
    /// <exception cref="ConcurrencyException">One stream's version does not match.</exception>
    public Task<IReadOnlyList<AppendResult>> AppendAsync(
        IReadOnlyList<StreamAppend> appends, EventMetadata? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends inside the caller's transaction (inline projections and participants run in it too); the caller
    /// commits. Use it to store events together with the caller's own rows. Here even <see cref="ExpectedVersion.Any"/>
    /// can raise <see cref="ConcurrencyException"/> when another writer takes the same version first (the
    /// transaction is then aborted and must be retried by the caller).
    /// </summary>
    /// <exception cref="ConcurrencyException">The stream's version does not match <paramref name="expected"/>.</exception>
    public Task<AppendResult> AppendInTransactionAsync(
        NpgsqlTransaction transaction, Guid streamId, ExpectedVersion expected, IReadOnlyList<object> events,
        EventMetadata? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>The stream's current version; 0 when it does not exist.</summary>
    public Task<long> GetStreamVersionAsync(Guid streamId, CancellationToken cancellationToken = default);

    /// <summary>Reads a stream in version order, starting at <paramref name="fromVersion"/>.</summary>
    /// <exception cref="UnknownEventTypeException">A stored type name is neither registered nor upcast.</exception>
    public IAsyncEnumerable<EventEnvelope> ReadStreamAsync(Guid streamId, long fromVersion = 1, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every committed event after <paramref name="after"/> in global order, in batches. Events of
    /// transactions still in flight are not returned yet, and nothing committed later can appear before the last one returned.
    /// </summary>
    public IAsyncEnumerable<EventEnvelope> ReadAllAsync(Position after = default, CancellationToken cancellationToken = default);

    /// <summary>Folds a stream into state, starting from the latest snapshot when the aggregator takes snapshots.</summary>
    public Task<AggregateResult<TState>> AggregateAsync<TState>(
        Guid streamId, IStreamAggregator<TState> aggregator, CancellationToken cancellationToken = default);
}
