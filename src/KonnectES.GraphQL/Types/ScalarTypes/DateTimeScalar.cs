using System.Globalization;

namespace KonnectES.GraphQL.Types.ScalarTypes;

/// <summary>DateTime: an RFC 3339 date-time with an offset, per the published scalar spec.</summary>
internal sealed class DateTimeScalar() : ScalarType("DateTime", "A date-time string at UTC or with an offset, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format of RFC 3339.", "https://scalars.graphql.org/andimarek/date-time")
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ssK", "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
    ];

    public override object? Serialize(object value) => value switch
    {
        DateTimeOffset o => Format(o),
        DateTime d => Format(d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d, TimeSpan.Zero) : new DateTimeOffset(d)),
        string s => Format(Parse(s)),
        _ => throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(value))),
    };

    public override object? ParseValue(object value) =>
        value is string s ? Parse(s) : throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(value)));

    private DateTimeOffset Parse(string s)
    {
        if (s.Length >= 20 && DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && (s[^1] is 'Z' or 'z' || s[^6] is '+' or '-'))
        {
            return parsed;
        }

        throw new GraphQLException(Messages.ScalarCannotRepresent(Name, IntScalar.Describe(s)));
    }

    private static string Format(DateTimeOffset value) => value.Offset == TimeSpan.Zero
        ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
