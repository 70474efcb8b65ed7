namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>InputObjectTypeDefinition or extension.</summary>
internal sealed class InputObjectTypeDefinitionNode(int start, string? description, string name, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<InputValueDefinitionNode> fields, bool isExtension) : TypeDefinitionNode(start, description, name, directives, isExtension)
{
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; } = fields;
}
