using System.Globalization;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types.ScalarTypes;

/// <summary>Int: a signed 32-bit integer (spec §3.5.1).</summary>
internal sealed class IntScalar() : ScalarType("Int", "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
{
    public override object? Serialize(object value) => value switch
    {
        int => value,
        short or byte or sbyte or ushort => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        uint u when u <= int.MaxValue => (int)u,
        double d when IsIntegral(d) => (int)d,
        float f when IsIntegral(f) => (int)f,
        decimal m when m == decimal.Truncate(m) && m is >= int.MinValue and <= int.MaxValue => (int)m,
        bool b => b ? 1 : 0,
        string s when int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new GraphQLException(Messages.ScalarCannotRepresent(Name, Describe(value))),
    };

    public override object? ParseValue(object value) => value switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        double d when IsIntegral(d) => (int)d,
        _ => throw new GraphQLException(Messages.ScalarCannotRepresent(Name, Describe(value))),
    };

    internal override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is IntValueNode i && int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new GraphQLException(Messages.ScalarCannotRepresentLiteral(Name, literal));

    private static bool IsIntegral(double d) => d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue;

    internal static string Describe(object value) => value switch
    {
        string s => Language.Printer.PrintString(s),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
