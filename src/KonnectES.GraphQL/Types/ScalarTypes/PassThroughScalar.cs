namespace KonnectES.GraphQL.Types.ScalarTypes;

/// <summary>A scalar declared in SDL with no implementation bound: values pass through unchanged, as in graphql-js.</summary>
internal sealed class PassThroughScalar(string name) : ScalarType(name)
{
    public override object? Serialize(object value) => value;

    public override object? ParseValue(object value) => value;
}
