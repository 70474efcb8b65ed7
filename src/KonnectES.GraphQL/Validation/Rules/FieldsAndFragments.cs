namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>A selection set's field map and the names of the fragments it spreads.</summary>
internal sealed record FieldsAndFragments(FieldMap Fields, List<string> FragmentNames);
