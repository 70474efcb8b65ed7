namespace KonnectES.GraphQL.Types.ScalarTypes;

/// <summary>JSON: any JSON value, passed through as it is.</summary>
internal sealed class JsonScalar() : ScalarType("JSON", "Any JSON value: object, array, string, number, boolean or null.")
{
    public override object? Serialize(object value) => value;

    public override object? ParseValue(object value) => value;
}
