using KonnectES.GraphQL.Types.ScalarTypes;

namespace KonnectES.GraphQL.Types;

/// <summary>The scalars the library provides; register the custom ones with <see cref="SchemaBuilder.AddScalar"/>.</summary>
public static class Scalars
{
    /// <summary>The built-in Int scalar.</summary>
    public static ScalarType Int { get; } = new IntScalar();

    /// <summary>The built-in Float scalar.</summary>
    public static ScalarType Float { get; } = new FloatScalar();

    /// <summary>The built-in String scalar.</summary>
    public static ScalarType String { get; } = new StringScalar();

    /// <summary>The built-in Boolean scalar.</summary>
    public static ScalarType Boolean { get; } = new BooleanScalar();

    /// <summary>The built-in ID scalar.</summary>
    public static ScalarType Id { get; } = new IdScalar();

    /// <summary>DateTime: RFC 3339 date-times, read as <see cref="DateTimeOffset"/>.</summary>
    public static ScalarType DateTime { get; } = new DateTimeScalar();

    /// <summary>JSON: any JSON value, passed through unchanged.</summary>
    public static ScalarType Json { get; } = new JsonScalar();
}
