namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>InputValueDefinition: an argument or input field.</summary>
internal sealed class InputValueDefinitionNode(int start, string? description, string name, TypeNode type, ValueNode? defaultValue, IReadOnlyList<DirectiveNode> directives) : SyntaxNode(start)
{
    public string? Description { get; } = description;

    public string Name { get; } = name;

    public TypeNode Type { get; } = type;

    public ValueNode? DefaultValue { get; } = defaultValue;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
