namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>EnumValueDefinition.</summary>
internal sealed class EnumValueDefinitionNode(int start, string? description, string name, IReadOnlyList<DirectiveNode> directives) : SyntaxNode(start)
{
    public string? Description { get; } = description;

    public string Name { get; } = name;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
