namespace KonnectES.GraphQL.Types;

/// <summary>A non-null wrapper around a nullable type.</summary>
internal sealed class NonNullType(GraphType ofType) : GraphType
{
    public GraphType OfType { get; } = ofType;

    public override TypeKind Kind => TypeKind.NonNull;

    public override NamedType Named => OfType.Named;

    public override string ToString() => OfType + "!";
}
