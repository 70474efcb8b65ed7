namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>SchemaDefinition or SchemaExtension.</summary>
internal sealed class SchemaDefinitionNode(int start, string? description, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<OperationTypeDefinitionNode> operationTypes, bool isExtension) : TypeSystemNode(start, isExtension)
{
    public string? Description { get; } = description;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; } = operationTypes;
}
