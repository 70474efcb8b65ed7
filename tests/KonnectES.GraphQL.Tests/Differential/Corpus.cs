using System.Text.Json;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Types;
using KonnectES.GraphQL.Validation;

namespace KonnectES.GraphQL.Tests.Differential;

/// <summary>The differential corpus: documents, graphql-js verdicts, and the schema they run against.</summary>
public static class Corpus
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static string SchemaSdl => File.ReadAllText(Path.Combine(Directory, "schema.graphql"));

    public static IReadOnlyList<string> Documents => JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(Directory, "corpus.json")))!;

    public static string GoldenJson => File.ReadAllText(Path.Combine(Directory, "golden.json"));

    public static Schema BuildSchema() => new SchemaBuilder().AddTypeDefinitions(SchemaSdl).Build();

    public static Verdict VerdictOf(Schema schema, string document)
    {
        try
        {
            var parsed = Parser.Parse(document);
            return new Verdict(true, null, null, DocumentValidator.Validate(schema, parsed).Count == 0);
        }
        catch (SyntaxException e)
        {
            return new Verdict(false, e.Location.Line, e.Location.Column, null);
        }
    }
}
