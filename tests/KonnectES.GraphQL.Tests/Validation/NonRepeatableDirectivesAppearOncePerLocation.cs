using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>UniqueDirectivesPerLocation.</summary>
public sealed class NonRepeatableDirectivesAppearOncePerLocation
{
    [Fact]
    public void A_repeatable_directive_may_repeat() =>
        RuleAssert.Passes<UniqueDirectivesPerLocation>("{ dog { name @onField @onField } }");

    [Fact]
    public void A_repeated_non_repeatable_directive_is_rejected() =>
        RuleAssert.Fails<UniqueDirectivesPerLocation>("{ dog { name @skip(if: true) @skip(if: false) } }", "\"@skip\" can only be used once", 1, 14);
}
