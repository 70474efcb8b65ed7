namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>FragmentDefinition (spec §2.8).</summary>
internal sealed class FragmentDefinitionNode(int start, string name, IReadOnlyList<VariableDefinitionNode> variableDefinitions, NamedTypeNode typeCondition, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet) : ExecutableDefinitionNode(start, name, variableDefinitions, directives, selectionSet)
{
    public NamedTypeNode TypeCondition { get; } = typeCondition;
}
