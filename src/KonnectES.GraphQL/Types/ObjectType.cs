namespace KonnectES.GraphQL.Types;

/// <summary>An object type (spec §3.6).</summary>
internal sealed class ObjectType(string name, string? description) : ComplexType(name, description)
{
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>CLR types whose instances are of this object type when an abstract type is resolved.</summary>
    public List<Type> RuntimeTypes { get; } = [];
}
