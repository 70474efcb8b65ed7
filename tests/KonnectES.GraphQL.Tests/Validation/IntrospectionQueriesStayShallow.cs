using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>MaxIntrospectionDepth.</summary>
public sealed class IntrospectionQueriesStayShallow
{
    [Fact]
    public void The_standard_depth_is_accepted() =>
        RuleAssert.Passes<MaxIntrospectionDepth>("{ __schema { types { fields { type { name } } } } }");

    [Fact]
    public void Three_nested_list_fields_are_rejected() =>
        RuleAssert.Fails<MaxIntrospectionDepth>("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", "Maximum introspection depth exceeded", 1, 3);
}
