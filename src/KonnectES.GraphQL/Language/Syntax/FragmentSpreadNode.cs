namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>FragmentSpread (spec §2.8).</summary>
internal sealed class FragmentSpreadNode(int start, string name, IReadOnlyList<DirectiveNode> directives) : SelectionNode(start, directives)
{
    public string Name { get; } = name;
}
