namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>ListType.</summary>
internal sealed class ListTypeNode(int start, TypeNode type) : TypeNode(start)
{
    public TypeNode Type { get; } = type;
}
