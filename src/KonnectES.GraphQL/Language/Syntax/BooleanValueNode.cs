namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>BooleanValue.</summary>
internal sealed class BooleanValueNode(int start, bool value) : ValueNode(start)
{
    public bool Value { get; } = value;
}
