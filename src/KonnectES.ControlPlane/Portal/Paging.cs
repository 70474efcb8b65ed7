using KonnectES.GraphQL;
using KonnectES.GraphQL.Execution;

namespace KonnectES.ControlPlane.Portal;

/// <summary>Relay connections over keyset pages: one more row than asked tells whether there is a next page.</summary>
internal static class Paging
{
    public const int MaxPageSize = 1000;

    /// <summary>The page size asked for (default 50), refused outside 0..<see cref="MaxPageSize"/>.</summary>
    public static int First(IResolverContext context)
    {
        var first = context.Arguments.TryGetValue("first", out var value) && value is not null ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 50;
        return first is < 0 or > MaxPageSize
            ? throw new GraphQLException($"'first' must be between 0 and {MaxPageSize}.", "BAD_USER_INPUT")
            : first;
    }

    /// <summary>The decoded <c>after</c> cursor, or null.</summary>
    public static string? After(IResolverContext context)
    {
        if (!context.Arguments.TryGetValue("after", out var value) || value is not string cursor)
        {
            return null;
        }

        try
        {
            return Connection.DecodeCursor(cursor);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or GraphQLException)
        {
            throw new GraphQLException("'after' is not a cursor of this list.", "BAD_USER_INPUT");
        }
    }

    public static Guid? AfterId(IResolverContext context) =>
        After(context) is { } key ? (Guid.TryParse(key, out var id) ? id : throw new GraphQLException("'after' is not a cursor of this list.", "BAD_USER_INPUT")) : null;

    /// <summary>A connection of <paramref name="first"/> nodes out of <paramref name="fetched"/> (which may hold one more).</summary>
    public static Dictionary<string, object?> Connect<T>(IReadOnlyList<T> fetched, int first, long total, bool hasPrevious, Func<T, string> keyOf, Func<T, object?> nodeOf)
    {
        var page = fetched.Take(first).ToList();
        var edges = page.Select(n => new Dictionary<string, object?> { ["node"] = nodeOf(n), ["cursor"] = Connection.EncodeCursor(keyOf(n)) }).ToList();
        return new Dictionary<string, object?>
        {
            ["edges"] = edges,
            ["totalCount"] = (int)total,
            ["pageInfo"] = new Dictionary<string, object?>
            {
                ["hasNextPage"] = fetched.Count > first,
                ["hasPreviousPage"] = hasPrevious,
                ["startCursor"] = edges.Count == 0 ? null : edges[0]["cursor"],
                ["endCursor"] = edges.Count == 0 ? null : edges[^1]["cursor"],
            },
        };
    }

    /// <summary>Pages an in-memory list ordered by key (small lists: a group's members).</summary>
    public static Dictionary<string, object?> InMemory<T>(IResolverContext context, IReadOnlyList<T> ordered, Func<T, string> keyOf, Func<T, object?> nodeOf)
    {
        var first = First(context);
        var after = After(context);
        var rest = after is null ? ordered : [.. ordered.Where(n => string.CompareOrdinal(keyOf(n), after) > 0)];
        return Connect(rest, first, ordered.Count, after is not null, keyOf, nodeOf);
    }
}
