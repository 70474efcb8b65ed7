namespace KonnectES.GraphQL;

/// <summary>
/// An error whose message is meant for the client. Thrown from a resolver it becomes a field error with this
/// message; other exceptions are reported as "Unexpected error." unless exception details are switched on.
/// </summary>
public class GraphQLException : Exception
{
    /// <summary>Creates an error with a message for the client.</summary>
    /// <param name="message">The message the client sees.</param>
    /// <param name="code">An optional machine-readable code, written to <c>extensions.code</c>.</param>
    public GraphQLException(string message, string? code = null)
        : base(message)
    {
        Code = code;
    }

    /// <summary>The machine-readable code written to <c>extensions.code</c>, if any.</summary>
    public string? Code { get; }
}
