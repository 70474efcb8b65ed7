namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>EnumTypeDefinition or extension.</summary>
internal sealed class EnumTypeDefinitionNode(int start, string? description, string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<EnumValueDefinitionNode> values, bool isExtension) : TypeDefinitionNode(start, description, name, directives, isExtension)
{
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; } = values;
}
