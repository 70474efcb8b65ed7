using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>ValuesOfCorrectType.</summary>
public sealed class ValuesHaveTheExpectedType
{
    [Fact]
    public void Coercible_literals_are_accepted() =>
        RuleAssert.Passes<ValuesOfCorrectType>("{ complicatedArgs { floatArgField(floatArg: 1) idArgField(idArg: 4) stringListArgField(stringListArg: \"one\") complexArgField(complexArg: {requiredField: true}) } }");

    [Fact]
    public void A_string_for_an_int_is_rejected() =>
        RuleAssert.Fails<ValuesOfCorrectType>("{ complicatedArgs { intArgField(intArg: \"3\") } }", "Expected value of type \"Int\"", 1, 41);

    [Fact]
    public void An_int_out_of_range_is_rejected() =>
        RuleAssert.Fails<ValuesOfCorrectType>("{ complicatedArgs { intArgField(intArg: 2147483648) } }", "Expected value of type \"Int\"", 1, 41);

    [Fact]
    public void An_enum_name_as_string_is_rejected() =>
        RuleAssert.Fails<ValuesOfCorrectType>("{ complicatedArgs { enumArgField(enumArg: \"BROWN\") } }", "Expected value of type \"FurColor\"", 1, 43);

    [Fact]
    public void A_missing_required_input_field_is_rejected() =>
        RuleAssert.Fails<ValuesOfCorrectType>("{ complicatedArgs { complexArgField(complexArg: {intField: 1}) } }", "\"ComplexInput.requiredField\"", 1, 49);

    [Fact]
    public void An_unknown_input_field_is_rejected() =>
        RuleAssert.Fails<ValuesOfCorrectType>("{ complicatedArgs { complexArgField(complexArg: {requiredField: true, nope: 1}) } }", "\"nope\" is not defined", 1, 71);

    [Fact]
    public void A_one_of_input_with_two_fields_is_rejected() =>
        RuleAssert.Fails<ValuesOfCorrectType>("{ complicatedArgs { oneOfArgField(oneOfArg: {intField: 1, stringField: \"a\"}) } }", "exactly one key", 1, 45);
}
