using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>UniqueArgumentNames.</summary>
public sealed class ArgumentsAreUnique
{
    [Fact]
    public void Distinct_arguments_are_accepted() =>
        RuleAssert.Passes<UniqueArgumentNames>("{ dog { isAtLocation(x: 1, y: 2) } }");

    [Fact]
    public void A_repeated_argument_is_rejected() =>
        RuleAssert.Fails<UniqueArgumentNames>("{ dog { isAtLocation(x: 1, x: 2) } }", "only one argument named \"x\"", 1, 22);
}
