namespace KonnectES.GraphQL.Types;

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
internal abstract class NamedType(string name, string? description) : GraphType
{
    private ListType? _list;
    private NonNullType? _nonNull;

    public string Name { get; } = name;

    public string? Description { get; set; } = description;

    public override NamedType Named => this;

    public bool IsIntrospection => Name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>Wrappers are cached so type references compare by reference.</summary>
    public ListType AsList() => _list ??= new ListType(this);

    public NonNullType AsNonNull() => _nonNull ??= new NonNullType(this);

    public override string ToString() => Name;
}
