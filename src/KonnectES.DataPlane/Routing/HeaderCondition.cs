using System.Collections.Immutable;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// One key of a route's <c>headers</c>: the request must carry the header with one of the values. Kong lower-cases
/// both the request values and the configured ones (regex values, <c>~*</c>, included) and tries every value of the
/// header (kong/router/transform.lua: <c>any(lower(http.headers.x)) == "v"</c> or <c>~ "re"</c>, unanchored).
/// </summary>
internal sealed class HeaderCondition(string name, ImmutableArray<string> exact, ImmutableArray<KongRegex> patterns)
{
    /// <summary>The header name.</summary>
    public string Name { get; } = name;

    /// <summary>True when one of <paramref name="values"/> equals a configured value or matches a configured regex.</summary>
    public bool Matches(Microsoft.Extensions.Primitives.StringValues values)
    {
        foreach (var raw in values)
        {
            if (raw is null)
            {
                continue;
            }

            var value = raw.ToLowerInvariant();
            foreach (var candidate in exact)
            {
                if (candidate == value)
                {
                    return true;
                }
            }

            foreach (var pattern in patterns)
            {
                if (pattern.IsMatch(value))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
