using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>KnownFragmentNames.</summary>
public sealed class FragmentSpreadsReferToDefinedFragments
{
    [Fact]
    public void A_defined_fragment_is_accepted() =>
        RuleAssert.Passes<KnownFragmentNames>("{ dog { ...A } } fragment A on Dog { name }");

    [Fact]
    public void An_undefined_fragment_is_rejected() =>
        RuleAssert.Fails<KnownFragmentNames>("{ dog { ...Missing } }", "Unknown fragment \"Missing\"", 1, 9);
}
