using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>KnownArgumentNames.</summary>
public sealed class ArgumentsAreKnown
{
    [Fact]
    public void Defined_arguments_are_accepted() =>
        RuleAssert.Passes<KnownArgumentNames>("{ dog { isAtLocation(x: 1, y: 2) name @include(if: true) } }");

    [Fact]
    public void An_unknown_field_argument_is_rejected() =>
        RuleAssert.Fails<KnownArgumentNames>("{ dog { name(nope: 1) } }", "Unknown argument \"nope\" on field \"Dog.name\"", 1, 14);

    [Fact]
    public void An_unknown_directive_argument_is_rejected() =>
        RuleAssert.Fails<KnownArgumentNames>("{ dog { name @skip(unless: true) } }", "on directive \"@skip\"", 1, 20);
}
