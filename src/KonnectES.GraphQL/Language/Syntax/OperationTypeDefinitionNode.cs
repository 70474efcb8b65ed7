namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>RootOperationTypeDefinition.</summary>
internal sealed class OperationTypeDefinitionNode(int start, OperationType operation, NamedTypeNode type) : SyntaxNode(start)
{
    public OperationType Operation { get; } = operation;

    public NamedTypeNode Type { get; } = type;
}
