namespace KonnectES.GraphQL.Execution;

/// <summary>One edge: a node and its opaque cursor.</summary>
/// <typeparam name="T">The node type.</typeparam>
/// <param name="Node">The node.</param>
/// <param name="Cursor">The opaque cursor.</param>
public sealed record Edge<T>(T Node, string Cursor);
