namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>Argument (spec §2.6).</summary>
internal sealed class ArgumentNode(int start, string name, ValueNode value) : SyntaxNode(start)
{
    public string Name { get; } = name;

    public ValueNode Value { get; } = value;
}
