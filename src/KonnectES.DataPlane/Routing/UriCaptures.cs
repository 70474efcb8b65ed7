using System.Collections.Immutable;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// The groups a regex path captured, as Kong exposes them to plugins and balancers (<c>uri_captures</c>):
/// index 0 is the whole match, then groups in the order their opening parenthesis appears, named or not.
/// </summary>
/// <param name="Positional">Index 0 = whole match; an unmatched optional group is null.</param>
/// <param name="Named">Group name → captured value (matched groups only).</param>
internal sealed record UriCaptures(ImmutableArray<string?> Positional, ImmutableDictionary<string, string> Named);
