namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>ObjectField.</summary>
internal sealed class ObjectFieldNode(int start, string name, ValueNode value) : SyntaxNode(start)
{
    public string Name { get; } = name;

    public ValueNode Value { get; } = value;
}
