using System.Text.Json.Nodes;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Tests.Differential;
using KonnectES.GraphQL.Tests.Support;

namespace KonnectES.GraphQL.Tests.Language;

public sealed class PrintingDocuments
{
    [Fact]
    public void A_document_prints_in_the_graphql_js_layout()
    {
        var document = Parser.Parse("query Q($id: ID! = 1 @onVariable) @onQuery { dog { a: name(surname: true) @include(if: true) ...F ... on Dog { barks } } } fragment F on Dog { nickname }");

        Assert.Equal("""
            query Q($id: ID! = 1 @onVariable) @onQuery {
              dog {
                a: name(surname: true) @include(if: true)
                ...F
                ... on Dog {
                  barks
                }
              }
            }

            fragment F on Dog {
              nickname
            }
            """, DocumentPrinter.Print(document));
    }

    [Fact]
    public void Every_plain_corpus_document_prints_exactly_as_graphql_js_prints_it()
    {
        var documents = Corpus.Documents;
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Corpus.Directory, "printed.json")))!.AsArray();
        var mismatches = expected
            .Where(e => DocumentPrinter.Print(Parser.Parse(documents[e!["index"]!.GetValue<int>()])) != e!["printed"]!.GetValue<string>())
            .Select(e => e!["index"]!.GetValue<int>())
            .ToList();

        Assert.True(expected.Count > 200, $"{expected.Count} documents");
        Assert.True(mismatches.Count == 0, "differ: " + string.Join(", ", mismatches));
    }

    [Fact]
    public async Task The_printed_golden_is_what_graphql_js_prints_today()
    {
        var (exitCode, output) = await Node.ScriptAsync("print.mjs", []);

        Assert.True(exitCode == 0, output);
        Assert.Equal(JsonNode.Parse(File.ReadAllText(Path.Combine(Corpus.Directory, "printed.json")))!.ToJsonString(), JsonNode.Parse(output)!.ToJsonString());
    }
}
