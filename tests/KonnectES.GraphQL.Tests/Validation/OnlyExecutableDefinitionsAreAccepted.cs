using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>ExecutableDefinitions.</summary>
public sealed class OnlyExecutableDefinitionsAreAccepted
{
    [Fact]
    public void Operations_and_fragments_are_executable() =>
        RuleAssert.Passes<ExecutableDefinitions>("{ dog { ...F } } fragment F on Dog { name }");

    [Fact]
    public void A_type_definition_in_a_request_is_rejected() =>
        RuleAssert.Fails<ExecutableDefinitions>("{ dog { name } } type Cow { name: String }", "\"Cow\" definition is not executable", 1, 18);
}
