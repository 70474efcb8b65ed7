namespace KonnectES.GraphQL.Types;

/// <summary>An interface type (spec §3.7); interfaces may implement other interfaces.</summary>
internal sealed class InterfaceType(string name, string? description) : ComplexType(name, description)
{
    public override TypeKind Kind => TypeKind.Interface;

    public AbstractTypeResolver? ResolveType { get; set; }

    /// <summary>Object types implementing this interface, in schema order.</summary>
    public List<ObjectType> PossibleTypes { get; } = [];

    /// <summary>Interfaces implementing this interface, in schema order.</summary>
    public List<InterfaceType> Implementations { get; } = [];
}
