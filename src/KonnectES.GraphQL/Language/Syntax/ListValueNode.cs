namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>ListValue.</summary>
internal sealed class ListValueNode(int start, IReadOnlyList<ValueNode> values) : ValueNode(start)
{
    public IReadOnlyList<ValueNode> Values { get; } = values;
}
