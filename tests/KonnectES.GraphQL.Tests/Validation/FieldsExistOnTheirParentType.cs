using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>FieldsOnCorrectType.</summary>
public sealed class FieldsExistOnTheirParentType
{
    [Fact]
    public void Defined_fields_and_typename_are_accepted() =>
        RuleAssert.Passes<FieldsOnCorrectType>("{ dog { name __typename } catOrDog { __typename } }");

    [Fact]
    public void An_undefined_field_is_rejected() =>
        RuleAssert.Fails<FieldsOnCorrectType>("{ dog { meows } }", "Cannot query field \"meows\" on type \"Dog\"", 1, 9);

    [Fact]
    public void A_non_typename_field_on_a_union_is_rejected() =>
        RuleAssert.Fails<FieldsOnCorrectType>("{ catOrDog { name } }", "on type \"CatOrDog\"", 1, 14);
}
