using System.Collections.Immutable;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// Ranks of routes filed under string keys (a host, a host suffix, a path prefix); each list is sorted by rank so
/// a lookup can stop at the first route that matches. Built once, read-only afterwards.
/// </summary>
internal sealed class KeyedIndex
{
    private readonly Dictionary<string, int[]> _ranks;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Freezes <paramref name="entries"/> (key → ranks in any order, duplicates allowed).</summary>
    public KeyedIndex(Dictionary<string, List<int>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _ranks = new Dictionary<string, int[]>(entries.Count, StringComparer.Ordinal);
        var lengths = new SortedSet<int>();
        foreach (var (key, ranks) in entries)
        {
            _ranks[key] = [.. ranks.Distinct().Order()];
            lengths.Add(key.Length);
        }

        Lengths = [.. lengths];
        _lookup = _ranks.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The distinct key lengths, ascending (a prefix index probes each).</summary>
    public ImmutableArray<int> Lengths { get; }

    /// <summary>The number of keys.</summary>
    public int Count => _ranks.Count;

    /// <summary>The ranks filed under <paramref name="key"/>, or an empty array.</summary>
    public ReadOnlySpan<int> Find(ReadOnlySpan<char> key) => _lookup.TryGetValue(key, out var ranks) ? ranks : [];
}
