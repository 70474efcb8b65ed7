using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>UniqueVariableNames.</summary>
public sealed class VariableNamesAreUnique
{
    [Fact]
    public void Distinct_variables_are_accepted() =>
        RuleAssert.Passes<UniqueVariableNames>("query ($a: Int, $b: Int) { complicatedArgs { multipleOpts(opt1: $a, opt2: $b) } }");

    [Fact]
    public void A_repeated_variable_is_rejected() =>
        RuleAssert.Fails<UniqueVariableNames>("query ($a: Int, $a: Int) { dog { name } }", "only one variable named \"$a\"", 1, 8);
}
