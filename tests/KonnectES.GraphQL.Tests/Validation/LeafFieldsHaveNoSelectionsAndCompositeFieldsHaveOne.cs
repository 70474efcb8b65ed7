using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>ScalarLeafs.</summary>
public sealed class LeafFieldsHaveNoSelectionsAndCompositeFieldsHaveOne
{
    [Fact]
    public void Leaves_without_and_objects_with_selections_are_accepted() =>
        RuleAssert.Passes<ScalarLeafs>("{ dog { name mother { name } } }");

    [Fact]
    public void A_selection_on_a_scalar_is_rejected() =>
        RuleAssert.Fails<ScalarLeafs>("{ dog { name { x } } }", "must not have a selection", 1, 14);

    [Fact]
    public void An_object_without_selection_is_rejected() =>
        RuleAssert.Fails<ScalarLeafs>("{ dog }", "must have a selection of subfields", 1, 3);
}
