using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>OverlappingFieldsCanBeMerged.</summary>
public sealed class FieldsWithOneResponseNameCanBeMerged
{
    [Fact]
    public void Identical_fields_merge() =>
        RuleAssert.Passes<OverlappingFieldsCanBeMerged>("{ dog { name name mother { name } mother { barks } } }");

    [Fact]
    public void Different_fields_on_exclusive_object_types_merge() =>
        RuleAssert.Passes<OverlappingFieldsCanBeMerged>("{ catOrDog { ... on Cat { x: meows } ... on Dog { x: barks } } }");

    [Fact]
    public void An_alias_hiding_another_field_is_rejected() =>
        RuleAssert.Fails<OverlappingFieldsCanBeMerged>("{ dog { name: nickname name } }", "\"nickname\" and \"name\" are different fields", 1, 9);

    [Fact]
    public void Differing_arguments_are_rejected() =>
        RuleAssert.Fails<OverlappingFieldsCanBeMerged>("{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) } }", "differing arguments", 1, 9);

    [Fact]
    public void Conflicting_leaf_types_are_rejected_even_on_exclusive_types() =>
        RuleAssert.Fails<OverlappingFieldsCanBeMerged>("{ catOrDog { ... on Cat { x: meowVolume } ... on Dog { x: barks } } }", "conflicting types \"Int\" and \"Boolean\"", 1, 27);

    [Fact]
    public void A_conflict_through_fragments_is_rejected() =>
        RuleAssert.Fails<OverlappingFieldsCanBeMerged>("{ dog { x: name ...B } } fragment B on Dog { x: nickname }", "\"name\" and \"nickname\" are different fields", 1, 9);
}
