using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>UniqueFragmentNames.</summary>
public sealed class FragmentNamesAreUnique
{
    [Fact]
    public void Distinct_fragment_names_are_accepted() =>
        RuleAssert.Passes<UniqueFragmentNames>("{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { barks }");

    [Fact]
    public void Two_fragments_with_one_name_are_rejected() =>
        RuleAssert.Fails<UniqueFragmentNames>("{ dog { ...A } } fragment A on Dog { name } fragment A on Dog { barks }", "only one fragment named \"A\"", 1, 18);
}
