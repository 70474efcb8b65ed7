namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>OperationDefinition (spec §2.3).</summary>
internal sealed class OperationDefinitionNode(int start, OperationType operation, string? name, IReadOnlyList<VariableDefinitionNode> variableDefinitions, IReadOnlyList<DirectiveNode> directives, SelectionSetNode selectionSet) : ExecutableDefinitionNode(start, name, variableDefinitions, directives, selectionSet)
{
    public OperationType Operation { get; } = operation;
}
