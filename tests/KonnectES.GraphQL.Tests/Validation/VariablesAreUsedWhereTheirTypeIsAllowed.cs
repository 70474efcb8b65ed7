using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>VariablesInAllowedPosition.</summary>
public sealed class VariablesAreUsedWhereTheirTypeIsAllowed
{
    [Fact]
    public void A_nullable_variable_with_a_default_fits_a_non_null_position() =>
        RuleAssert.Passes<VariablesInAllowedPosition>("query ($x: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } }");

    [Fact]
    public void A_nullable_variable_fits_a_non_null_argument_with_a_default() =>
        RuleAssert.Passes<VariablesInAllowedPosition>("query ($x: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $x) } }");

    [Fact]
    public void A_nullable_variable_in_a_non_null_position_is_rejected() =>
        RuleAssert.Fails<VariablesInAllowedPosition>("query ($x: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } }", "\"$x\" of type \"Int\" used in position expecting type \"Int!\"", 1, 8);

    [Fact]
    public void A_variable_of_another_type_is_rejected() =>
        RuleAssert.Fails<VariablesInAllowedPosition>("query ($x: String) { complicatedArgs { intArgField(intArg: $x) } }", "expecting type \"Int\"", 1, 8);
}
