namespace KonnectES.GraphQL.Language;

/// <summary>Limits applied while parsing, so hostile documents are refused before they cost anything.</summary>
public sealed class ParserOptions
{
    /// <summary>The default limits.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>Maximum number of tokens in a document (graphql-js <c>maxTokens</c>).</summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>Maximum nesting of selection sets, list and object values and list types; keeps the parser's stack bounded.</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>Maximum length of a document in UTF-16 code units.</summary>
    public int MaxLength { get; init; } = 1_000_000;
}
