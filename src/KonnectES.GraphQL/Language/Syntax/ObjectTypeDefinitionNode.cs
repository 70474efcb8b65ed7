namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>ObjectTypeDefinition or extension; interfaces use the same shape.</summary>
internal sealed class ObjectTypeDefinitionNode(int start, string? description, string name, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<FieldDefinitionNode> fields, bool isExtension, bool isInterface) : TypeDefinitionNode(start, description, name, directives, isExtension)
{
    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;

    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;

    public bool IsInterface { get; } = isInterface;
}
