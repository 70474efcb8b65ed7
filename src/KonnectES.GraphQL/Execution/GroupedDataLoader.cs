namespace KonnectES.GraphQL.Execution;

/// <summary>A 1:n DataLoader: each key loads a list (for example the items of an order); a missing key loads an empty list.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The item type.</typeparam>
public abstract class GroupedDataLoader<TKey, TValue> : DataLoader<TKey, IReadOnlyList<TValue>>
    where TKey : notnull
{
    /// <summary>Fetches the items of one batch of keys.</summary>
    /// <param name="keys">The distinct keys.</param>
    /// <param name="cancellationToken">The request's token.</param>
    /// <returns>The items grouped by key.</returns>
    protected abstract Task<ILookup<TKey, TValue>> LoadGroupsAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <inheritdoc/>
    protected sealed override async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var lookup = await LoadGroupsAsync(keys, cancellationToken);
        var result = new Dictionary<TKey, IReadOnlyList<TValue>>();
        foreach (var group in lookup)
        {
            result[group.Key] = group.ToArray();
        }

        return result;
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<TValue>? Missing() => [];
}
