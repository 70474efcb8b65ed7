namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>UnionTypeDefinition or extension.</summary>
internal sealed class UnionTypeDefinitionNode(int start, string? description, string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> types, bool isExtension) : TypeDefinitionNode(start, description, name, directives, isExtension)
{
    public IReadOnlyList<NamedTypeNode> Types { get; } = types;
}
