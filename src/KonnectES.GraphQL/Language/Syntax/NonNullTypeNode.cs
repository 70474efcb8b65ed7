namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>NonNullType.</summary>
internal sealed class NonNullTypeNode(int start, TypeNode type) : TypeNode(start)
{
    public TypeNode Type { get; } = type;
}
