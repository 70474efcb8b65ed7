namespace KonnectES.GraphQL.Tests.Types;

public sealed class CoercingInputValues
{
    private static readonly KonnectES.GraphQL.Types.Schema Schema = new KonnectES.GraphQL.Types.SchemaBuilder()
        .AddTypeDefinitions("""
            scalar DateTime
            scalar JSON
            type Query {
              int(v: Int): String
              float(v: Float): String
              id(v: ID): String
              list(v: [Int]): String
              date(v: DateTime): String
              json(v: JSON): JSON
            }
            """)
        .Resolve("Query", "int", c => Describe(c.Arguments["v"]))
        .Resolve("Query", "float", c => Describe(c.Arguments["v"]))
        .Resolve("Query", "id", c => Describe(c.Arguments["v"]))
        .Resolve("Query", "list", c => string.Join(",", ((object?[])c.Arguments["v"]!).Select(Describe)))
        .Resolve("Query", "date", c => Describe(c.Arguments["v"]))
        .Resolve("Query", "json", c => c.Arguments["v"])
        .Build();

    private static string Describe(object? value) => value is null ? "null" : $"{value.GetType().Name}:{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}";

    [Theory]
    [InlineData("{ int(v: 7) }", "Int32:7")]
    [InlineData("{ float(v: 7) }", "Double:7")]
    [InlineData("{ id(v: 7) }", "String:7")]
    [InlineData("{ list(v: 7) }", "Int32:7")]
    [InlineData("{ date(v: \"2024-05-01T10:00:00Z\") }", "DateTimeOffset:05/01/2024 10:00:00 +00:00")]
    public async Task Literals_coerce_by_the_spec_rules(string query, string expected)
    {
        var json = await Schema.RunAsync(query);
        Assert.Contains(expected, json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0, "Int32:1")]
    [InlineData(3L, "Int32:3")]
    public async Task Integral_json_numbers_are_ints(object value, string expected)
    {
        var json = await Schema.RunAsync("query($v: Int) { int(v: $v) }", new Dictionary<string, object?> { ["v"] = value });
        Assert.Contains(expected, json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query($v: Int) { int(v: $v) }", 1.5)]
    [InlineData("query($v: Int) { int(v: $v) }", 3_000_000_000L)]
    [InlineData("query($v: Int) { int(v: $v) }", "1")]
    [InlineData("query($v: DateTime) { date(v: $v) }", "yesterday")]
    public async Task Variables_that_do_not_coerce_are_request_errors(string query, object value)
    {
        var json = await Schema.RunAsync(query, new Dictionary<string, object?> { ["v"] = value });
        Assert.DoesNotContain("\"data\"", json, StringComparison.Ordinal);
        Assert.Contains("got invalid value", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_values_pass_through_unchanged()
    {
        var json = await Schema.RunAsync("{ json(v: {a: [1, \"x\", true, null], b: {c: 1.5}}) }");
        Assert.Equal("""{"data":{"json":{"a":[1,"x",true,null],"b":{"c":1.5}}}}""", json);
    }
}
