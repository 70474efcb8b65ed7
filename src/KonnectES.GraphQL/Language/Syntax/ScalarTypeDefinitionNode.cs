namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>ScalarTypeDefinition or extension.</summary>
internal sealed class ScalarTypeDefinitionNode(int start, string? description, string name, IReadOnlyList<DirectiveNode> directives, bool isExtension) : TypeDefinitionNode(start, description, name, directives, isExtension)
{
}
