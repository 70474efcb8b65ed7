namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>An operation or a fragment definition.</summary>
internal abstract class ExecutableDefinitionNode(int start, string? name, IReadOnlyList<VariableDefinitionNode> variableDefinitions, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet) : DefinitionNode(start)
{
    public string? Name { get; } = name;

    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; } = variableDefinitions;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public SelectionSetNode SelectionSet { get; } = selectionSet;
}
