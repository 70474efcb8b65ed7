namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>DirectiveDefinition.</summary>
internal sealed class DirectiveDefinitionNode(int start, string? description, string name, IReadOnlyList<InputValueDefinitionNode> arguments, bool repeatable, IReadOnlyList<string> locations) : TypeSystemNode(start, false)
{
    public string? Description { get; } = description;

    public string Name { get; } = name;

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;

    public bool Repeatable { get; } = repeatable;

    public IReadOnlyList<string> Locations { get; } = locations;
}
