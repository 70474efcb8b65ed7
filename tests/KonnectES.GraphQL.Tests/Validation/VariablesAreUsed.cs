using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>NoUnusedVariables.</summary>
public sealed class VariablesAreUsed
{
    [Fact]
    public void Variables_used_through_fragments_are_accepted() =>
        RuleAssert.Passes<NoUnusedVariables>("query ($x: Int) { dog { ...F } } fragment F on Dog { isAtLocation(x: $x) }");

    [Fact]
    public void An_unused_variable_is_rejected() =>
        RuleAssert.Fails<NoUnusedVariables>("query A($x: Int) { dog { name } }", "\"$x\" is never used in operation \"A\"", 1, 9);
}
