using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Tests.Support;

namespace KonnectES.GraphQL.Tests.Differential;

public sealed class AgreeingWithGraphQLJs
{
    [Fact]
    public void The_corpus_holds_at_least_300_documents_of_every_kind()
    {
        var golden = JsonSerializer.Deserialize<Verdict[]>(Corpus.GoldenJson)!;
        Assert.True(golden.Length >= 300, $"{golden.Length} documents");
        Assert.Contains(golden, v => v.Parse && v.Valid == true);
        Assert.Contains(golden, v => v.Parse && v.Valid == false);
        Assert.Contains(golden, v => !v.Parse);
    }

    [Fact]
    public void Every_corpus_document_gets_the_graphql_js_verdict_and_syntax_error_location()
    {
        var schema = Corpus.BuildSchema();
        var documents = Corpus.Documents;
        var golden = JsonSerializer.Deserialize<Verdict[]>(Corpus.GoldenJson)!;
        var mismatches = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            var ours = Corpus.VerdictOf(schema, documents[i]);
            if (ours != golden[i])
            {
                mismatches.Add($"#{i} {JsonSerializer.Serialize(documents[i])}: graphql-js {golden[i]}, ours {ours}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {documents.Count} differ:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void The_printed_schema_equals_graphql_js_printSchema()
    {
        var expected = File.ReadAllText(Path.Combine(Corpus.Directory, "schema.printed.graphql"));
        Assert.Equal(expected, Corpus.BuildSchema().ToSdl());
    }

    [Fact]
    public async Task The_introspection_result_equals_graphql_js_introspectionFromSchema()
    {
        var query = File.ReadAllText(Path.Combine(Corpus.Directory, "introspection-query.graphql"));
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Corpus.Directory, "introspection.json")))!;
        var result = await Corpus.BuildSchema().CreateExecutor().ExecuteAsync(new GraphQLRequest { Query = query });
        Assert.Null(result.Errors);
        var ours = JsonNode.Parse(result.ToJson())!["data"]!;
        Assert.Equal(Normalize(expected).ToJsonString(), Normalize(ours).ToJsonString());
    }

    [Fact]
    public async Task The_golden_verdicts_are_what_graphql_js_says_today()
    {
        var input = JsonSerializer.Serialize(new { schema = Corpus.SchemaSdl, docs = Corpus.Documents });
        var (exitCode, output) = await Node.ScriptAsync("oracle.mjs", [], input);
        Assert.True(exitCode == 0, output);
        var today = JsonSerializer.Deserialize<Verdict[]>(output)!;
        Assert.Equal(JsonSerializer.Deserialize<Verdict[]>(Corpus.GoldenJson)!, today);
    }

    [Fact]
    public async Task Graphql_js_rebuilds_a_valid_schema_from_our_introspection_and_prints_our_sdl()
    {
        var schema = Corpus.BuildSchema();
        var query = File.ReadAllText(Path.Combine(Corpus.Directory, "introspection-query.graphql"));
        var result = await schema.CreateExecutor().ExecuteAsync(new GraphQLRequest { Query = query });
        var introspection = JsonNode.Parse(result.ToJson())!["data"]!;
        var input = new JsonObject { ["schema"] = Corpus.SchemaSdl, ["introspection"] = introspection.DeepClone() }.ToJsonString();

        var (exitCode, output) = await Node.ScriptAsync("introspection.mjs", [], input);

        Assert.True(exitCode == 0, output);
        var printed = JsonNode.Parse(output)!["printed"]!.GetValue<string>();
        Assert.Equal(printed, schema.ToSdl());
    }

    /// <summary>Type order in __schema.types is an implementation choice; compare types by name.</summary>
    private static JsonNode Normalize(JsonNode data)
    {
        var copy = data.DeepClone();
        var types = copy["__schema"]!["types"]!.AsArray();
        var sorted = types.Select(t => t!.DeepClone()).OrderBy(t => t!["name"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
        types.Clear();
        foreach (var type in sorted)
        {
            types.Add(type);
        }

        return copy;
    }
}
