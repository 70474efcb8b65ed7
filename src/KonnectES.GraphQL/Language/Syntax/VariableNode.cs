namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>Variable (spec §2.10).</summary>
internal sealed class VariableNode(int start, string name) : ValueNode(start)
{
    public string Name { get; } = name;
}
