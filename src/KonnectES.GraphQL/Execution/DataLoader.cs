namespace KonnectES.GraphQL.Execution;

/// <summary>
/// Batches and caches loads by key for one request. Keys queued while resolvers run are sent as one batch when
/// the executor has no other ready work; a key missing from the batch result loads as null, and a failed batch
/// fails every field waiting on it.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The loaded value type.</typeparam>
public abstract class DataLoader<TKey, TValue> : IDataLoader, IBatchDispatcher
    where TKey : notnull
{
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> _cache = [];
    private readonly Lock _lock = new();
    private List<TKey> _queue = [];

    /// <summary>How many batches this instance has sent; handy in tests.</summary>
    public int BatchCount { get; private set; }

    bool IBatchDispatcher.HasPending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count > 0;
            }
        }
    }

    /// <summary>Queues a key (or returns the cached load of it).</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Not used to cancel a shared batch; the request's token is passed to the batch.</param>
    /// <returns>The value, or null when the batch did not return the key.</returns>
    public Task<TValue?> LoadAsync(TKey key, CancellationToken cancellationToken = default)
    {
        _ = cancellationToken;
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out var existing))
            {
                return existing.Task;
            }

            var completion = new TaskCompletionSource<TValue?>();
            _cache[key] = completion;
            _queue.Add(key);
            return completion.Task;
        }
    }

    /// <summary>Loads many keys at once.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">See <see cref="LoadAsync"/>.</param>
    /// <returns>The values in key order.</returns>
    public Task<TValue?[]> LoadManyAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default) =>
        Task.WhenAll(keys.Select(k => LoadAsync(k, cancellationToken)));

    /// <summary>Fetches one batch of distinct keys.</summary>
    /// <param name="keys">The keys, without duplicates, in the order they were first asked for.</param>
    /// <param name="cancellationToken">The request's token.</param>
    /// <returns>The values found, by key.</returns>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value of a key the batch did not return.</summary>
    /// <returns>The default is null.</returns>
    protected virtual TValue? Missing() => default;

    void IBatchDispatcher.Dispatch(OperationExecution execution)
    {
        List<TKey> keys;
        lock (_lock)
        {
            keys = _queue;
            _queue = [];
        }

        BatchCount++;
        execution.BeginPending();
        Task<IReadOnlyDictionary<TKey, TValue>> batch;
        try
        {
            batch = LoadBatchAsync(keys, execution.CancellationToken);
        }
        catch (Exception e)
        {
            batch = Task.FromException<IReadOnlyDictionary<TKey, TValue>>(e);
        }

        batch.ContinueWith(
            task => execution.Post(() =>
            {
                execution.EndPending();
                Complete(keys, task);
            }),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Complete(List<TKey> keys, Task<IReadOnlyDictionary<TKey, TValue>> task)
    {
        foreach (var key in keys)
        {
            TaskCompletionSource<TValue?> completion;
            lock (_lock)
            {
                completion = _cache[key];
            }

            if (task.IsCompletedSuccessfully)
            {
                completion.TrySetResult(task.Result.TryGetValue(key, out var value) ? value : Missing());
            }
            else
            {
                completion.TrySetException(task.Exception?.InnerException ?? new OperationCanceledException());
            }
        }
    }
}
