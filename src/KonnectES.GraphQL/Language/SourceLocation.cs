namespace KonnectES.GraphQL.Language;

/// <summary>A 1-based line and column (in UTF-16 code units, as graphql-js counts them).</summary>
/// <param name="Line">The line, starting at 1.</param>
/// <param name="Column">The column, starting at 1.</param>
public readonly record struct SourceLocation(int Line, int Column);
