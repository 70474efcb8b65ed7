using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>NoUndefinedVariables.</summary>
public sealed class VariablesAreDefined
{
    [Fact]
    public void Variables_defined_by_the_operation_are_accepted() =>
        RuleAssert.Passes<NoUndefinedVariables>("query ($x: Int) { dog { ...F } } fragment F on Dog { isAtLocation(x: $x) }");

    [Fact]
    public void A_variable_used_in_a_fragment_but_not_defined_is_rejected() =>
        RuleAssert.Fails<NoUndefinedVariables>("query A { dog { ...F } } fragment F on Dog { isAtLocation(x: $x) }", "\"$x\" is not defined by operation \"A\"", 1, 62);
}
