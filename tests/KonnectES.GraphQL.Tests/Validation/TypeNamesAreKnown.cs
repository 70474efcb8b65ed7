using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>KnownTypeNames.</summary>
public sealed class TypeNamesAreKnown
{
    [Fact]
    public void Known_types_are_accepted() =>
        RuleAssert.Passes<KnownTypeNames>("query ($a: [Int!]) { dog { ... on Dog { name } } }");

    [Fact]
    public void An_unknown_variable_type_is_rejected() =>
        RuleAssert.Fails<KnownTypeNames>("query ($a: Cow) { dog { name } }", "Unknown type \"Cow\"", 1, 12);
}
