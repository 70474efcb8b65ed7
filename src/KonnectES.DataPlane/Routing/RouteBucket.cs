using System.Collections.Immutable;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// The routes filed under one host key (or under "no host"): indexed by the literal start of their paths, plus the
/// ones with no usable path start. Each list is in rank order.
/// </summary>
internal sealed class RouteBucket
{
    private RouteBucket(KeyedIndex byPathStart, ImmutableArray<int> rest)
    {
        ByPathStart = byPathStart;
        Rest = rest;
    }

    /// <summary>Ranks by path prefix (prefix paths, and regex paths up to their first metacharacter).</summary>
    public KeyedIndex ByPathStart { get; }

    /// <summary>Ranks of routes without paths, or with a regex that has no literal start.</summary>
    public ImmutableArray<int> Rest { get; }

    /// <summary>Collects ranks into a bucket.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, List<int>> _byPathStart = new(StringComparer.Ordinal);
        private readonly List<int> _rest = [];

        /// <summary>Files <paramref name="route"/> (at <paramref name="rank"/>) by its paths.</summary>
        public void Add(CompiledRoute route, int rank)
        {
            if (!route.Prefixes.IsEmpty)
            {
                foreach (var prefix in route.Prefixes)
                {
                    File(prefix, rank);
                }
            }
            else if (!route.Regexes.IsEmpty && route.Regexes.All(r => r.LiteralPrefix.Length > 0))
            {
                foreach (var regex in route.Regexes)
                {
                    File(regex.LiteralPrefix, rank);
                }
            }
            else
            {
                _rest.Add(rank);
            }
        }

        /// <summary>Freezes the bucket.</summary>
        public RouteBucket Build() => new(new KeyedIndex(_byPathStart), [.. _rest.Distinct().Order()]);

        private void File(string key, int rank)
        {
            if (!_byPathStart.TryGetValue(key, out var ranks))
            {
                _byPathStart[key] = ranks = [];
            }

            ranks.Add(rank);
        }
    }
}
