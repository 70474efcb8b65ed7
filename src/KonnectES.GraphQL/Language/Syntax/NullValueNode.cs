namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>NullValue.</summary>
internal sealed class NullValueNode(int start) : ValueNode(start)
{
}
