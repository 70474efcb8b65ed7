using System.Globalization;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types.ScalarTypes;

/// <summary>String: UTF-8 text (spec §3.5.3).</summary>
internal sealed class StringScalar() : ScalarType("String", "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
{
    public override object? Serialize(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        char c => c.ToString(),
        Guid g => g.ToString(),
        int or long or short or byte or double or float or decimal => Convert.ToString(value, CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(value))),
    };

    public override object? ParseValue(object value) =>
        value as string ?? throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(value)));

    internal override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is StringValueNode s ? s.Value : throw new GraphQLException(Messages.ScalarCannotRepresentLiteral(Name, literal));
}
