using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>PossibleFragmentSpreads.</summary>
public sealed class FragmentSpreadsArePossible
{
    [Fact]
    public void Overlapping_types_are_accepted() =>
        RuleAssert.Passes<PossibleFragmentSpreads>("{ pet { ... on Dog { name } } catOrDog { ... on Pet { name } } }");

    [Fact]
    public void A_spread_that_can_never_apply_is_rejected() =>
        RuleAssert.Fails<PossibleFragmentSpreads>("{ dog { ... on Cat { meows } } }", "can never be of type \"Cat\"", 1, 9);

    [Fact]
    public void A_named_fragment_that_can_never_apply_is_rejected() =>
        RuleAssert.Fails<PossibleFragmentSpreads>("{ dog { ...C } } fragment C on Cat { meows }", "Fragment \"C\" cannot be spread here", 1, 9);
}
