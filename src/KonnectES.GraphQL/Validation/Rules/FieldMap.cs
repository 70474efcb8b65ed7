namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Fields by response name, in document order (compared by reference).</summary>
internal sealed class FieldMap
{
    public Dictionary<string, List<FieldEntry>> Fields { get; } = new(StringComparer.Ordinal);
}
