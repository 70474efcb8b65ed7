using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Tests.Support;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Tests.Differential;

public sealed class ExecutingLikeGraphQLJs
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(Corpus.Directory, name));

    /// <summary>Every field reads the same-named entry of its parent; {"$error": "msg"} throws msg.</summary>
    private static Schema BuildFixtureSchema()
    {
        var sdl = Read("execution-schema.graphql");
        var builder = new SchemaBuilder().AddTypeDefinitions(sdl);
        foreach (var definition in Parser.Parse(sdl).Definitions.OfType<ObjectTypeDefinitionNode>().Where(d => !d.IsInterface))
        {
            foreach (var field in definition.Fields)
            {
                var name = field.Name;
                builder.Resolve(definition.Name, name, c =>
                {
                    var value = c.Parent is IReadOnlyDictionary<string, object?> map && map.TryGetValue(name, out var v) ? v : null;
                    return value is IReadOnlyDictionary<string, object?> marker && marker.TryGetValue("$error", out var message)
                        ? throw new GraphQLException((string)message!)
                        : value;
                });
            }
        }

        return builder.Build();
    }

    [Fact]
    public async Task Data_and_error_paths_equal_what_graphql_js_returns_for_every_case()
    {
        var executor = BuildFixtureSchema().CreateExecutor();
        var root = RawValue.FromJson(JsonDocument.Parse(Read("execution-data.json")).RootElement);
        var cases = JsonNode.Parse(Read("execution-cases.json"))!.AsArray();
        var golden = JsonNode.Parse(Read("execution-golden.json"))!.AsArray();
        var mismatches = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var variables = cases[i]!["variables"] is { } v ? (IReadOnlyDictionary<string, object?>)RawValue.FromJson(JsonDocument.Parse(v.ToJsonString()).RootElement)! : null;
            var result = await executor.ExecuteAsync(
                new GraphQLRequest { Query = cases[i]!["query"]!.GetValue<string>(), Variables = variables },
                new RequestContext { RootValue = root });
            var ours = JsonNode.Parse(result.ToJson())!;
            var data = (ours["data"] ?? JsonValue.Create((string?)null))?.ToJsonString() ?? "null";
            var paths = (result.Errors ?? []).Select(e => string.Join(".", e.Path ?? [])).Order(StringComparer.Ordinal).ToArray();
            var expectedData = golden[i]!["data"]?.ToJsonString() ?? "null";
            var expectedPaths = golden[i]!["errorPaths"]!.AsArray().Select(p => p!.GetValue<string>()).ToArray();
            if (data != expectedData || !paths.SequenceEqual(expectedPaths))
            {
                mismatches.Add($"#{i}: graphql-js {expectedData} {string.Join(",", expectedPaths)}\n     ours {data} {string.Join(",", paths)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task The_execution_golden_is_what_graphql_js_returns_today()
    {
        var (exitCode, output) = await Node.ScriptAsync("execute.mjs", []);

        Assert.True(exitCode == 0, output);
        Assert.Equal(JsonNode.Parse(Read("execution-golden.json"))!.ToJsonString(), JsonNode.Parse(output)!.ToJsonString());
    }
}
