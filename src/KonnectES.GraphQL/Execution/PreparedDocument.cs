using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Execution;

/// <summary>A parsed document and its validation verdict, cached by document text.</summary>
internal sealed class PreparedDocument(DocumentNode? document, ExecutionResult? error)
{
    public DocumentNode? Document { get; } = document;

    /// <summary>The request error (syntax, limits or validation), or null when the document is valid.</summary>
    public ExecutionResult? Error { get; } = error;

    public Dictionary<string, FragmentDefinitionNode> Fragments { get; } = new(StringComparer.Ordinal);
}
