namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>InlineFragment (spec §2.8.2).</summary>
internal sealed class InlineFragmentNode(int start, NamedTypeNode? typeCondition, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet) : SelectionNode(start, directives)
{
    public NamedTypeNode? TypeCondition { get; } = typeCondition;

    public SelectionSetNode SelectionSet { get; } = selectionSet;
}
