using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types;

/// <summary>
/// A scalar's coercion rules. Subclass it for a custom scalar; values arrive from JSON as <see cref="string"/>,
/// <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="IReadOnlyList{T}"/> of objects or
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to object. Literals in documents arrive the same way.
/// Throw <see cref="GraphQLException"/> to reject a value.
/// </summary>
public abstract class ScalarType
{
    /// <summary>Creates a scalar.</summary>
    /// <param name="name">The scalar's name in the schema.</param>
    /// <param name="description">A description for introspection.</param>
    /// <param name="specifiedByUrl">The URL of the scalar's specification, exposed through @specifiedBy.</param>
    protected ScalarType(string name, string? description = null, string? specifiedByUrl = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Description = description;
        SpecifiedByUrl = specifiedByUrl;
    }

    /// <summary>The scalar's name in the schema.</summary>
    public string Name { get; }

    /// <summary>The description shown by introspection.</summary>
    public string? Description { get; }

    /// <summary>The URL of the scalar's specification, if any.</summary>
    public string? SpecifiedByUrl { get; }

    /// <summary>Result coercion: turns a resolved CLR value into something JSON can hold.</summary>
    /// <param name="value">The non-null value a resolver returned.</param>
    /// <returns>A string, bool, number, or a value System.Text.Json can write.</returns>
    public abstract object? Serialize(object value);

    /// <summary>Input coercion: turns a non-null JSON or literal value into the value resolvers receive.</summary>
    /// <param name="value">The raw input value.</param>
    /// <returns>The coerced value.</returns>
    public abstract object? ParseValue(object value);

    /// <summary>Literal input coercion; the default turns the literal into its JSON form and calls <see cref="ParseValue"/>.</summary>
    internal virtual object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        ParseValue(RawValue.FromLiteral(literal, variables) ?? throw new GraphQLException(Messages.ScalarCannotRepresent(Name, "null")));

    /// <summary>Turns a value resolvers use back into a literal, for printing default values.</summary>
    internal virtual ValueNode ToLiteral(object value) => RawValue.ToLiteral(Serialize(value));
}
