namespace KonnectES.GraphQL.Execution;

/// <summary>A GraphQL request: the document, which operation to run, and its variables.</summary>
public sealed class GraphQLRequest
{
    /// <summary>The document text.</summary>
    public required string Query { get; init; }

    /// <summary>The operation to run; needed when the document has several.</summary>
    public string? OperationName { get; init; }

    /// <summary>The raw variable values: string, bool, long, double, object?[] and string-keyed dictionaries, as JSON gives them.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The request's extensions map, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
}
