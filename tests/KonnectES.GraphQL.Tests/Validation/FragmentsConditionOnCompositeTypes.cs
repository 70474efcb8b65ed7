using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>FragmentsOnCompositeTypes.</summary>
public sealed class FragmentsConditionOnCompositeTypes
{
    [Fact]
    public void Object_interface_and_union_conditions_are_accepted() =>
        RuleAssert.Passes<FragmentsOnCompositeTypes>("{ pet { ... on Dog { name } ... on Pet { name } } catOrDog { ... on CatOrDog { __typename } } }");

    [Fact]
    public void A_scalar_condition_is_rejected() =>
        RuleAssert.Fails<FragmentsOnCompositeTypes>("{ dog { ... on Boolean { name } } }", "non composite type \"Boolean\"", 1, 16);
}
