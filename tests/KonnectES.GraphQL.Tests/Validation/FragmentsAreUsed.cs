using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>NoUnusedFragments.</summary>
public sealed class FragmentsAreUsed
{
    [Fact]
    public void Fragments_used_transitively_are_accepted() =>
        RuleAssert.Passes<NoUnusedFragments>("{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }");

    [Fact]
    public void An_unused_fragment_is_rejected() =>
        RuleAssert.Fails<NoUnusedFragments>("{ dog { name } } fragment A on Dog { name }", "Fragment \"A\" is never used", 1, 18);
}
