using System.Diagnostics;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Tests.Differential;
using KonnectES.GraphQL.Validation;

namespace KonnectES.GraphQL.Tests.Protection;

[Collection(HostileDocumentsCollection.Name)]
public sealed class RefusingHostileDocuments
{
    private static readonly KonnectES.GraphQL.Types.Schema Schema = Corpus.BuildSchema();

    public static TheoryData<string, string> Documents => new()
    {
        { "100,000 nested lists", "{ dog { name(surname: " + new string('[', 100_000) + ") } }" },
        { "100,000 nested selections", string.Concat(Enumerable.Repeat("{a", 100_000)) },
        { "1 MB of tokens", "{ " + string.Concat(Enumerable.Repeat("dog ", 262_144)) + "}" },
        { "500 KB of tokens", "{ " + string.Concat(Enumerable.Repeat("dog ", 125_000)) + "}" },
        { "10,000 aliases", "{ " + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"a{i}: dog {{ name }} ")) + "}" },
        { "10,000 repeated fields", "{ dog { " + string.Concat(Enumerable.Repeat("name ", 10_000)) + "} }" },
        { "fragment cycle", "{ dog { ...A } } fragment A on Dog { mother { ...B } } fragment B on Dog { father { ...A } }" },
        { "deep valid nesting", "{ dog " + string.Concat(Enumerable.Repeat("{ mother ", 100)) + "{ name }" + new string('}', 101) + " }" },
        { "costly lists", "{ human { " + string.Concat(Enumerable.Repeat("relatives { ", 8)) + "iq" + new string('}', 8) + " } }" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_hostile_document_is_refused_with_a_graphql_error_in_under_50_ms(string name, string document)
    {
        // Best of five, each with a fresh executor (so no cached verdict): the machine is shared,
        // and a preempted run says nothing about the engine.
        var best = long.MaxValue;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var executor = Schema.CreateExecutor();
            await executor.ExecuteAsync(new GraphQLRequest { Query = "{ dog { name } }" });
            var watch = Stopwatch.StartNew();
            var result = await executor.ExecuteAsync(new GraphQLRequest { Query = document });
            watch.Stop();
            best = Math.Min(best, watch.ElapsedMilliseconds);

            Assert.False(result.HasData, name);
            Assert.NotNull(result.Errors);
        }

        Assert.True(best < 50, $"{name} took {best} ms");
    }

    [Fact]
    public void Validating_10000_repeated_fields_stays_fast_even_without_the_field_limit()
    {
        var schema = Corpus.BuildSchema();
        var document = Parser.Parse("{ dog { " + string.Concat(Enumerable.Repeat("name ", 10_000)) + "mother { name } } }");
        DocumentValidator.Validate(schema, Parser.Parse("{ dog { name name } }"));

        var best = long.MaxValue;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var watch = Stopwatch.StartNew();
            var errors = DocumentValidator.Validate(schema, document);
            watch.Stop();
            best = Math.Min(best, watch.ElapsedMilliseconds);
            Assert.Empty(errors);
        }

        Assert.True(best < 50, $"took {best} ms");
    }

    [Fact]
    public void Conflicting_repeated_fields_are_still_found_among_10000()
    {
        var schema = Corpus.BuildSchema();
        var document = Parser.Parse("{ dog { " + string.Concat(Enumerable.Repeat("name ", 10_000)) + "name: nickname } }");

        var errors = DocumentValidator.Validate(schema, document);

        Assert.Contains(errors, e => e.Message.StartsWith("Fields \"name\" conflict", StringComparison.Ordinal));
    }
}
