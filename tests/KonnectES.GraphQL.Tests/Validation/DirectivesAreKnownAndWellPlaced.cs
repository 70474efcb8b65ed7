using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>KnownDirectives.</summary>
public sealed class DirectivesAreKnownAndWellPlaced
{
    [Fact]
    public void Directives_in_their_locations_are_accepted() =>
        RuleAssert.Passes<KnownDirectives>("query @onQuery { dog { name @include(if: true) @onField } }");

    [Fact]
    public void An_unknown_directive_is_rejected() =>
        RuleAssert.Fails<KnownDirectives>("{ dog { name @nope } }", "Unknown directive \"@nope\"", 1, 14);

    [Fact]
    public void A_misplaced_directive_is_rejected() =>
        RuleAssert.Fails<KnownDirectives>("query @onField { dog { name } }", "may not be used on QUERY", 1, 7);
}
