using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>UniqueOperationNames.</summary>
public sealed class OperationNamesAreUnique
{
    [Fact]
    public void Differently_named_operations_are_accepted() =>
        RuleAssert.Passes<UniqueOperationNames>("query A { dog { name } } query B { cat { name } }");

    [Fact]
    public void Two_operations_with_one_name_are_rejected() =>
        RuleAssert.Fails<UniqueOperationNames>("query A { dog { name } } query A { cat { name } }", "only one operation named \"A\"", 1, 1);
}
