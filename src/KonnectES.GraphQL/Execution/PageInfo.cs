namespace KonnectES.GraphQL.Execution;

/// <summary>Relay PageInfo.</summary>
/// <param name="HasNextPage">Whether nodes follow the page.</param>
/// <param name="HasPreviousPage">Whether nodes precede the page.</param>
/// <param name="StartCursor">The first edge's cursor.</param>
/// <param name="EndCursor">The last edge's cursor.</param>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
