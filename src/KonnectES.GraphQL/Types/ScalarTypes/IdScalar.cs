using System.Globalization;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types.ScalarTypes;

/// <summary>ID: a unique identifier, serialized as a string (spec §3.5.5).</summary>
internal sealed class IdScalar() : ScalarType("ID", "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
{
    public override object? Serialize(object value) => value switch
    {
        string s => s,
        Guid g => g.ToString(),
        int or long or short or byte or uint or ulong => Convert.ToString(value, CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) => d.ToString("0", CultureInfo.InvariantCulture),
        _ => throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(value))),
    };

    public override object? ParseValue(object value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && double.IsFinite(d) => d.ToString("0", CultureInfo.InvariantCulture),
        _ => throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(value))),
    };

    internal override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        StringValueNode s => s.Value,
        IntValueNode i => i.Value,
        _ => throw new GraphQLException(Messages.ScalarCannotRepresentLiteral(Name, literal)),
    };
}
