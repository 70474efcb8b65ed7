namespace KonnectES.GraphQL.Types;

/// <summary>The kinds of type, as __TypeKind names them.</summary>
internal enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}
