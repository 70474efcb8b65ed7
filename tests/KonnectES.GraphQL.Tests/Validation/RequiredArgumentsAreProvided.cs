using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>ProvidedRequiredArguments.</summary>
public sealed class RequiredArgumentsAreProvided
{
    [Fact]
    public void Arguments_with_defaults_may_be_omitted() =>
        RuleAssert.Passes<ProvidedRequiredArguments>("{ complicatedArgs { nonNullFieldWithDefault multipleOptAndReq(req1: 1, req2: 2) } }");

    [Fact]
    public void A_missing_required_argument_is_rejected() =>
        RuleAssert.Fails<ProvidedRequiredArguments>("{ complicatedArgs { multipleReqs(req1: 1) } }", "argument \"req2\" of type \"Int!\" is required", 1, 21);

    [Fact]
    public void A_missing_directive_argument_is_rejected() =>
        RuleAssert.Fails<ProvidedRequiredArguments>("{ dog { name @include } }", "Directive \"@include\" argument \"if\"", 1, 14);
}
