namespace KonnectES.GraphQL.Types;

/// <summary>A scalar type of the schema, backed by a <see cref="ScalarType"/> implementation.</summary>
internal sealed class ScalarGraphType(ScalarType scalar, string? description) : NamedType(scalar.Name, description ?? scalar.Description)
{
    public ScalarType Scalar { get; } = scalar;

    public string? SpecifiedByUrl { get; set; } = scalar.SpecifiedByUrl;

    public bool IsBuiltIn => Name is "Int" or "Float" or "String" or "Boolean" or "ID";

    public override TypeKind Kind => TypeKind.Scalar;
}
