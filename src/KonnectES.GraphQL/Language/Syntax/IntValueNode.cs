namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>IntValue; the text is kept, the range is checked at coercion.</summary>
internal sealed class IntValueNode(int start, string value) : ValueNode(start)
{
    public string Value { get; } = value;
}
