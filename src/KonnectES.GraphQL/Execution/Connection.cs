using System.Text;

namespace KonnectES.GraphQL.Execution;

/// <summary>Builds connections over an ordered list with keyset cursors (a key per node, never an offset).</summary>
public static class Connection
{
    /// <summary>Pages an ordered list: filter by the cursors, keep the head for <c>first</c>, the tail for <c>last</c>.</summary>
    /// <typeparam name="T">The node type.</typeparam>
    /// <param name="items">All nodes, in their stable order.</param>
    /// <param name="keyOf">A unique, stable key of a node (an id, or a sort key plus id).</param>
    /// <param name="arguments">The checked paging arguments.</param>
    /// <returns>The page.</returns>
    public static Connection<T> Create<T>(IReadOnlyList<T> items, Func<T, string> keyOf, ConnectionArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = 0;
        var end = items.Count;
        if (arguments.After is not null)
        {
            start = IndexOf(items, keyOf, arguments.After) + 1;
        }

        if (arguments.Before is not null)
        {
            end = Math.Min(end, IndexOf(items, keyOf, arguments.Before));
        }

        end = Math.Max(end, start);
        var hasNext = end < items.Count;
        var hasPrevious = start > 0;
        if (arguments.First is { } first && end - start > first)
        {
            end = start + first;
            hasNext = true;
        }

        if (arguments.Last is { } last && end - start > last)
        {
            start = end - last;
            hasPrevious = true;
        }

        var edges = new Edge<T>[end - start];
        for (var i = start; i < end; i++)
        {
            edges[i - start] = new Edge<T>(items[i], EncodeCursor(keyOf(items[i])));
        }

        return new Connection<T>(edges, new PageInfo(hasNext, hasPrevious, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor), items.Count);
    }

    /// <summary>Turns a key into an opaque cursor.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The cursor.</returns>
    public static string EncodeCursor(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("cursor:" + key));

    /// <summary>Reads the key back from a cursor.</summary>
    /// <param name="cursor">The cursor.</param>
    /// <returns>The key.</returns>
    /// <exception cref="GraphQLException">The cursor was not made by <see cref="EncodeCursor"/>.</exception>
    public static string DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("cursor:", StringComparison.Ordinal))
            {
                return text["cursor:".Length..];
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        throw new GraphQLException(Messages.InvalidCursor(cursor), "BAD_USER_INPUT");
    }

    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, string> keyOf, string cursor)
    {
        var key = DecodeCursor(cursor);
        for (var i = 0; i < items.Count; i++)
        {
            if (keyOf(items[i]) == key)
            {
                return i;
            }
        }

        throw new GraphQLException(Messages.InvalidCursor(cursor), "BAD_USER_INPUT");
    }
}
