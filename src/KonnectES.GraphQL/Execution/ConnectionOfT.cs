namespace KonnectES.GraphQL.Execution;

/// <summary>
/// A Relay cursor connection (edges, pageInfo, totalCount) whose properties the default resolvers read, so a
/// schema's <c>XConnection</c>, <c>XEdge</c> and <c>PageInfo</c> types need no resolvers.
/// </summary>
/// <typeparam name="T">The node type.</typeparam>
/// <param name="Edges">The page's edges, in list order.</param>
/// <param name="PageInfo">Paging state.</param>
/// <param name="TotalCount">The number of nodes in the whole list.</param>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int TotalCount)
{
    /// <summary>The nodes of the page, for a <c>nodes</c> shortcut field.</summary>
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);
}
