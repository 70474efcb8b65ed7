namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>FloatValue.</summary>
internal sealed class FloatValueNode(int start, string value) : ValueNode(start)
{
    public string Value { get; } = value;
}
