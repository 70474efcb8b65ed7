using System.Text.RegularExpressions;

namespace KonnectES.DataPlane.Routing;

internal sealed partial class RouteTable
{
    /// <summary>
    /// Finds the route Kong would pick for <paramref name="request"/> and computes what goes upstream; null means
    /// Kong's 404 (<see cref="KongRouterResponses.NoRouteMatched"/>). Protocol checks (https-only routes, gRPC)
    /// come after the match: see <see cref="KongRouterResponses.ForProtocol"/>.
    /// </summary>
    public RouteMatch? Match(in RouteRequest request)
    {
        if (_routes.IsEmpty)
        {
            return null;
        }

        var values = new RequestValues(request);
        var best = new Candidate(int.MaxValue);
        var host = values.Host.AsSpan();
        if (host.Length > 0)
        {
            Probe(_exactHosts.Find(host), values, ref best);
            if (_hostSuffixes.Count > 0 || _hostPrefixes.Count > 0)
            {
                for (var i = 0; i < host.Length; i++)
                {
                    if (host[i] == '.')
                    {
                        Probe(_hostSuffixes.Find(host[i..]), values, ref best);
                        Probe(_hostPrefixes.Find(host[..(i + 1)]), values, ref best);
                    }
                }
            }
        }

        Probe(_hostless, values, ref best);
        return best.Rank == int.MaxValue ? null : Result(_routes[best.Rank], values, best);
    }

    /// <summary>
    /// The same answer as <see cref="Match"/> by trying every route in rank order, without the indexes: the
    /// definition the indexes must agree with (and a fallback for diagnosing a routing question).
    /// </summary>
    public RouteMatch? MatchByScan(in RouteRequest request)
    {
        var values = new RequestValues(request);
        for (var rank = 0; rank < _routes.Length; rank++)
        {
            if (_routes[rank].TryMatch(values, out var matchedPath, out var regexMatch, out var regex))
            {
                return Result(_routes[rank], values, new Candidate(rank) { MatchedPath = matchedPath, RegexMatch = regexMatch, Regex = regex });
            }
        }

        return null;
    }

    private void Probe(RouteBucket? bucket, in RequestValues values, ref Candidate best)
    {
        if (bucket is null)
        {
            return;
        }

        var path = values.Path.AsSpan();
        foreach (var length in bucket.ByPathStart.Lengths)
        {
            if (length > path.Length)
            {
                break;
            }

            Probe(bucket.ByPathStart.Find(path[..length]), values, ref best);
        }

        Probe(bucket.Rest.AsSpan(), values, ref best);
    }

    private void Probe(ReadOnlySpan<int> ranks, in RequestValues values, ref Candidate best)
    {
        foreach (var rank in ranks)
        {
            if (rank >= best.Rank)
            {
                return;
            }

            if (_routes[rank].TryMatch(values, out var matchedPath, out var regexMatch, out var regex))
            {
                best = new Candidate(rank) { MatchedPath = matchedPath, RegexMatch = regexMatch, Regex = regex };
                return;
            }
        }
    }

    private static RouteMatch Result(CompiledRoute winner, in RequestValues values, in Candidate match)
    {
        var route = winner.Route;
        var path = values.Path.Length == 0 ? "/" : values.Path;
        var postfix = route.StripPath ? path[Math.Min(match.MatchedPath.Length, path.Length)..] : path[1..];
        var servicePath = winner.Service?.Path ?? "/";
        var upstream = UpstreamPath.Join(servicePath, route.StripPath, KongUri.SanitizePostfix(postfix), path);
        return new RouteMatch
        {
            Route = route,
            Service = winner.Service,
            NormalizedPath = path,
            MatchedPath = match.MatchedPath,
            UriCaptures = match.RegexMatch is { } m ? match.Regex!.Captures(m) : null,
            UpstreamPath = KongUri.Escape(upstream),
            Query = values.Query,
            PreservedHost = route.PreserveHost ? values.RawHost : null,
        };
    }

    private readonly record struct Candidate(int Rank)
    {
        public string MatchedPath { get; init; } = "";

        public Match? RegexMatch { get; init; }

        public KongRegex? Regex { get; init; }
    }
}
