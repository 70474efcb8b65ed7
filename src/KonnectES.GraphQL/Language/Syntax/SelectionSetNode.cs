namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>SelectionSet (spec §2.4).</summary>
internal sealed class SelectionSetNode(int start, IReadOnlyList<SelectionNode> selections) : SyntaxNode(start)
{
    public IReadOnlyList<SelectionNode> Selections { get; } = selections;
}
