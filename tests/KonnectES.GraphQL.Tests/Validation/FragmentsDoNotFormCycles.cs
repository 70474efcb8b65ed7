using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>NoFragmentCycles.</summary>
public sealed class FragmentsDoNotFormCycles
{
    [Fact]
    public void A_fragment_chain_without_cycle_is_accepted() =>
        RuleAssert.Passes<NoFragmentCycles>("{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }");

    [Fact]
    public void A_fragment_spreading_itself_is_rejected() =>
        RuleAssert.Fails<NoFragmentCycles>("{ dog { ...A } } fragment A on Dog { name ...A }", "Cannot spread fragment \"A\" within itself", 1, 43);

    [Fact]
    public void A_two_fragment_cycle_is_rejected() =>
        RuleAssert.Fails<NoFragmentCycles>("{ dog { ...A } } fragment A on Dog { mother { ...B } } fragment B on Dog { ...A }", "Cannot spread fragment", 1, 47);
}
