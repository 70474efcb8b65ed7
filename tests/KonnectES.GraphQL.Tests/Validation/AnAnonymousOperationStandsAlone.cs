using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>LoneAnonymousOperation.</summary>
public sealed class AnAnonymousOperationStandsAlone
{
    [Fact]
    public void One_anonymous_operation_is_accepted() =>
        RuleAssert.Passes<LoneAnonymousOperation>("{ dog { name } }");

    [Fact]
    public void An_anonymous_operation_next_to_another_is_rejected() =>
        RuleAssert.Fails<LoneAnonymousOperation>("{ dog { name } } query B { cat { name } }", "must be the only defined operation", 1, 1);
}
