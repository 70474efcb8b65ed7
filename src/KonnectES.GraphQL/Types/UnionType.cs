namespace KonnectES.GraphQL.Types;

/// <summary>A union of object types (spec §3.8).</summary>
internal sealed class UnionType(string name, string? description) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Union;

    public List<ObjectType> Types { get; } = [];

    public AbstractTypeResolver? ResolveType { get; set; }
}
