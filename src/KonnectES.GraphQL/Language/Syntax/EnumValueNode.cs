namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>EnumValue.</summary>
internal sealed class EnumValueNode(int start, string value) : ValueNode(start)
{
    public string Value { get; } = value;
}
