using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>VariablesAreInputTypes.</summary>
public sealed class VariablesHaveInputTypes
{
    [Fact]
    public void Scalars_enums_and_input_objects_are_accepted() =>
        RuleAssert.Passes<VariablesAreInputTypes>("query ($a: Int, $b: FurColor, $c: ComplexInput) { dog { name } }");

    [Fact]
    public void An_object_type_variable_is_rejected() =>
        RuleAssert.Fails<VariablesAreInputTypes>("query ($d: Dog) { dog { name } }", "cannot be non-input type \"Dog\"", 1, 12);
}
