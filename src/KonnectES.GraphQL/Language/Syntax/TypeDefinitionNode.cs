namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>A named type definition or extension.</summary>
internal abstract class TypeDefinitionNode(int start, string? description, string name, IReadOnlyList<DirectiveNode> directives, bool isExtension) : TypeSystemNode(start, isExtension)
{
    public string? Description { get; } = description;

    public string Name { get; } = name;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
