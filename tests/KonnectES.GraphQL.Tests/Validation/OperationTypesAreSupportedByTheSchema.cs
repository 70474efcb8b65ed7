using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Types;
using KonnectES.GraphQL.Validation;
using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>KnownOperationTypes.</summary>
public sealed class OperationTypesAreSupportedByTheSchema
{
    [Fact]
    public void Supported_operation_types_are_accepted() =>
        RuleAssert.Passes<KnownOperationTypes>("mutation { addDog(name: \"Rex\") { name } }");

    [Fact]
    public void A_mutation_against_a_schema_without_mutation_type_is_rejected()
    {
        var schema = new SchemaBuilder().AddTypeDefinitions("type Query { a: Int }").Build();

        var errors = DocumentValidator.Validate(schema, Parser.Parse("mutation { a }"), 100, [new KnownOperationTypes()]);

        var error = Assert.Single(errors);
        Assert.Equal("The schema does not support mutation operations.", error.Message);
    }
}
