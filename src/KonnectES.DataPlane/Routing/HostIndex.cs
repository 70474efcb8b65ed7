namespace KonnectES.DataPlane.Routing;

/// <summary>Route buckets by host key (an exact host, a <c>.suffix</c> or a <c>prefix.</c>); read-only once built.</summary>
internal sealed class HostIndex
{
    private readonly Dictionary<string, RouteBucket>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Freezes the buckets.</summary>
    public HostIndex(Dictionary<string, RouteBucket.Builder> builders)
    {
        ArgumentNullException.ThrowIfNull(builders);
        var buckets = new Dictionary<string, RouteBucket>(builders.Count, StringComparer.Ordinal);
        foreach (var (key, builder) in builders)
        {
            buckets[key] = builder.Build();
        }

        Count = buckets.Count;
        _lookup = buckets.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The number of host keys.</summary>
    public int Count { get; }

    /// <summary>The bucket of <paramref name="key"/>, or null.</summary>
    public RouteBucket? Find(ReadOnlySpan<char> key) => _lookup.TryGetValue(key, out var bucket) ? bucket : null;
}
