using KonnectES.GraphQL.Language;

namespace KonnectES.GraphQL.Execution;

/// <summary>An error in the spec's response format (§7.1.2): message, locations, path and extensions.</summary>
public sealed class GraphQLError
{
    /// <summary>Creates an error.</summary>
    /// <param name="message">The message for the client.</param>
    /// <param name="locations">Where in the document the error is, if anywhere.</param>
    /// <param name="path">The response path of the field that failed, for field errors.</param>
    /// <param name="code">A code for <c>extensions.code</c>.</param>
    public GraphQLError(string message, IReadOnlyList<SourceLocation>? locations = null, IReadOnlyList<object>? path = null, string? code = null)
    {
        Message = message;
        Locations = locations;
        Path = path;
        Code = code;
    }

    /// <summary>The message for the client.</summary>
    public string Message { get; }

    /// <summary>Locations in the document, 1-based.</summary>
    public IReadOnlyList<SourceLocation>? Locations { get; }

    /// <summary>The path of field names and list indices of a field error.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>The value of <c>extensions.code</c>, if any.</summary>
    public string? Code { get; }

    /// <summary>Other entries of <c>extensions</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
}
