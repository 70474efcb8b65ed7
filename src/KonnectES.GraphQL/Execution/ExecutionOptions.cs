using KonnectES.GraphQL.Language;

namespace KonnectES.GraphQL.Execution;

/// <summary>Limits and switches of a <see cref="RequestExecutor"/>; the defaults are safe for a public endpoint.</summary>
public sealed class ExecutionOptions
{
    /// <summary>Parser limits: tokens, nesting depth, document length.</summary>
    public ParserOptions Parser { get; init; } = ParserOptions.Default;

    /// <summary>Maximum depth of fields in an operation, fragments expanded.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Maximum static cost (see <see cref="DefaultListSize"/>); 0 switches cost analysis off.</summary>
    public int MaxCost { get; init; } = 50_000;

    /// <summary>The assumed size of a list field without a <c>first</c> or <c>last</c> argument, for cost analysis.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>Maximum number of field selections in an operation, fragments expanded.</summary>
    public int MaxFields { get; init; } = 5_000;

    /// <summary>Maximum number of aliases in a document.</summary>
    public int MaxAliases { get; init; } = 500;

    /// <summary>Validation stops after this many errors, as graphql-js does.</summary>
    public int MaxValidationErrors { get; init; } = 100;

    /// <summary>Writes exception messages of unexpected resolver errors into responses; keep off in production.</summary>
    public bool IncludeExceptionDetails { get; init; }

    /// <summary>How many parsed and validated documents to keep.</summary>
    public int DocumentCacheSize { get; init; } = 1_000;
}
