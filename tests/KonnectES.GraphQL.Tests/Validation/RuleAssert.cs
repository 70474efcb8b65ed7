using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Tests.Differential;
using KonnectES.GraphQL.Types;
using KonnectES.GraphQL.Validation;

namespace KonnectES.GraphQL.Tests.Validation;

/// <summary>Runs one validation rule alone against the corpus schema.</summary>
internal static class RuleAssert
{
    private static readonly Schema Schema = Corpus.BuildSchema();

    public static IReadOnlyList<GraphQLError> Run<TRule>(string document)
        where TRule : ValidationRule, new() =>
        DocumentValidator.Validate(Schema, Parser.Parse(document), 100, [new TRule()]);

    public static void Passes<TRule>(string document)
        where TRule : ValidationRule, new()
    {
        var errors = Run<TRule>(document);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Message)));
    }

    public static void Fails<TRule>(string document, string messagePart, int line, int column)
        where TRule : ValidationRule, new()
    {
        var errors = Run<TRule>(document);
        var error = Assert.Single(errors);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(line, column), error.Locations![0]);
    }
}
