namespace KonnectES.GraphQL.Types;

/// <summary>Any type of the schema, named or a list / non-null wrapper.</summary>
internal abstract class GraphType
{
    public abstract TypeKind Kind { get; }

    public bool IsNonNull => Kind == TypeKind.NonNull;

    /// <summary>The type with every list and non-null wrapper removed.</summary>
    public abstract NamedType Named { get; }

    /// <summary>The type without an outer non-null wrapper.</summary>
    public GraphType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    public bool IsInputType => Named.Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    public bool IsOutputType => Named.Kind is not TypeKind.InputObject;

    public bool IsLeaf => Named.Kind is TypeKind.Scalar or TypeKind.Enum;

    public abstract override string ToString();
}
