using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>SingleFieldSubscriptions.</summary>
public sealed class SubscriptionsSelectOneRootField
{
    [Fact]
    public void One_root_field_is_accepted() =>
        RuleAssert.Passes<SingleFieldSubscriptions>("subscription { dogBarked { name } }");

    [Fact]
    public void Two_root_fields_are_rejected() =>
        RuleAssert.Fails<SingleFieldSubscriptions>("subscription S { dogBarked { name } catMeowed { name } }", "must select only one top level field", 1, 37);

    [Fact]
    public void An_introspection_root_field_is_rejected() =>
        RuleAssert.Fails<SingleFieldSubscriptions>("subscription S { __typename }", "introspection top level field", 1, 18);
}
