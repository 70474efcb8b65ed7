using System.Globalization;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types.ScalarTypes;

/// <summary>Float: a finite double-precision number (spec §3.5.2).</summary>
internal sealed class FloatScalar() : ScalarType("Float", "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
{
    public override object? Serialize(object value) => value switch
    {
        double d when double.IsFinite(d) => value,
        float f when float.IsFinite(f) => (double)f,
        int or long or short or byte or uint or ulong or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        bool b => b ? 1.0 : 0.0,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(value))),
    };

    public override object? ParseValue(object value) => value switch
    {
        double d when double.IsFinite(d) => d,
        long l => (double)l,
        int i => (double)i,
        _ => throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(value))),
    };

    internal override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        _ => throw new GraphQLException(Messages.ScalarCannotRepresentLiteral(Name, literal)),
    };
}
