using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types.ScalarTypes;

/// <summary>Boolean: true or false (spec §3.5.4).</summary>
internal sealed class BooleanScalar() : ScalarType("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
{
    public override object? Serialize(object value) => value switch
    {
        bool => value,
        int i => i != 0,
        long l => l != 0,
        double d when double.IsFinite(d) => d != 0,
        _ => throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(value))),
    };

    public override object? ParseValue(object value) =>
        value is bool b ? b : throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(value)));

    internal override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is BooleanValueNode b ? b.Value : throw new GraphQLException(Messages.ScalarCannotRepresentLiteral(Name, literal));
}
