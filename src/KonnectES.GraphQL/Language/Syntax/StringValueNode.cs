namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>StringValue or BlockString, already cooked.</summary>
internal sealed class StringValueNode(int start, string value, bool block) : ValueNode(start)
{
    public string Value { get; } = value;

    public bool Block { get; } = block;
}
