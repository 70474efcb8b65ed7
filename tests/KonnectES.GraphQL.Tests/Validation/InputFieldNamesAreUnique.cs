using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>UniqueInputFieldNames.</summary>
public sealed class InputFieldNamesAreUnique
{
    [Fact]
    public void Distinct_input_fields_are_accepted() =>
        RuleAssert.Passes<UniqueInputFieldNames>("{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) } }");

    [Fact]
    public void A_repeated_input_field_is_rejected() =>
        RuleAssert.Fails<UniqueInputFieldNames>("{ complicatedArgs { complexArgField(complexArg: {requiredField: true, requiredField: false}) } }", "only one input field named \"requiredField\"", 1, 50);
}
