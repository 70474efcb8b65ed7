namespace KonnectES.GraphQL.Language;

/// <summary>A document that does not follow the GraphQL grammar, or exceeds a parser limit.</summary>
public sealed class SyntaxException : Exception
{
    internal SyntaxException(string message, int position, SourceLocation location)
        : base("Syntax Error: " + message)
    {
        Position = position;
        Location = location;
    }

    /// <summary>The UTF-16 offset of the error in the document.</summary>
    public int Position { get; }

    /// <summary>The 1-based line and column of the error, as the spec's error format wants it.</summary>
    public SourceLocation Location { get; }
}
