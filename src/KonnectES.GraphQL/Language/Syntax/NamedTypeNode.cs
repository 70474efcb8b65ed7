namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>NamedType.</summary>
internal sealed class NamedTypeNode(int start, string name) : TypeNode(start)
{
    public string Name { get; } = name;
}
