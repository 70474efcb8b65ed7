namespace KonnectES.GraphQL.Types;

/// <summary>A list of another type.</summary>
internal sealed class ListType(GraphType ofType) : GraphType
{
    public GraphType OfType { get; } = ofType;

    public override TypeKind Kind => TypeKind.List;

    public override NamedType Named => OfType.Named;

    public override string ToString() => "[" + OfType + "]";
}
