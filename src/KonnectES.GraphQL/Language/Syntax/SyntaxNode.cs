namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>A node of the syntax tree; Start is its UTF-16 offset in the document.</summary>
internal abstract class SyntaxNode(int start)
{
    public int Start { get; } = start;
}
