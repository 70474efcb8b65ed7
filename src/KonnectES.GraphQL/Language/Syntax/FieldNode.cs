namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>Field (spec §2.5).</summary>
internal sealed class FieldNode(int start, string? alias, string name, IReadOnlyList<ArgumentNode> arguments, IReadOnlyList<DirectiveNode> directives, SelectionSetNode? selectionSet) : SelectionNode(start, directives)
{
    public string? Alias { get; } = alias;

    public string Name { get; } = name;

    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;

    public SelectionSetNode? SelectionSet { get; } = selectionSet;

    public string ResponseName => Alias ?? Name;
}
