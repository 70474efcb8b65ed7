namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>A parsed document: its definitions and source text.</summary>
internal sealed class DocumentNode(int start, IReadOnlyList<DefinitionNode> definitions, SourceText source) : SyntaxNode(start)
{
    public IReadOnlyList<DefinitionNode> Definitions { get; } = definitions;

    public SourceText Source { get; } = source;
}
