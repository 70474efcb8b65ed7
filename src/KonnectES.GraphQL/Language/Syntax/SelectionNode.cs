namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>A field, fragment spread or inline fragment.</summary>
internal abstract class SelectionNode(int start, IReadOnlyList<DirectiveNode> directives) : SyntaxNode(start)
{
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
