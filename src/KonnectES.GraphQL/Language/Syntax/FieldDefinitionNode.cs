namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>FieldDefinition.</summary>
internal sealed class FieldDefinitionNode(int start, string? description, string name, IReadOnlyList<InputValueDefinitionNode> arguments, TypeNode type, IReadOnlyList<DirectiveNode> directives) : SyntaxNode(start)
{
    public string? Description { get; } = description;

    public string Name { get; } = name;

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;

    public TypeNode Type { get; } = type;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
