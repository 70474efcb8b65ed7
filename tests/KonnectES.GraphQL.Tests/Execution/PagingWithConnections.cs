using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Tests.Execution;

public sealed class PagingWithConnections
{
    private static readonly Schema Schema = new SchemaBuilder()
        .AddTypeDefinitions("""
            type Query { items(first: Int, after: String, last: Int, before: String): ItemConnection! }
            type ItemConnection { edges: [ItemEdge!]! pageInfo: PageInfo! totalCount: Int! }
            type ItemEdge { node: String! cursor: String! }
            type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
            """)
        .Resolve("Query", "items", c => Connection.Create(["a", "b", "c", "d", "e"], s => s, ConnectionArguments.From(c, maxPageSize: 3)))
        .Build();

    private static Task<string> PageAsync(string arguments) =>
        Schema.RunAsync("{ items" + arguments + " { edges { node } pageInfo { hasNextPage hasPreviousPage } totalCount } }");

    [Fact]
    public async Task First_keeps_the_head_and_reports_a_next_page()
    {
        Assert.Equal(
            """{"data":{"items":{"edges":[{"node":"a"},{"node":"b"}],"pageInfo":{"hasNextPage":true,"hasPreviousPage":false},"totalCount":5}}}""",
            await PageAsync("(first: 2)"));
    }

    [Fact]
    public async Task After_a_cursor_pages_forward()
    {
        var cursor = Connection.EncodeCursor("b");
        Assert.Equal(
            """{"data":{"items":{"edges":[{"node":"c"},{"node":"d"}],"pageInfo":{"hasNextPage":true,"hasPreviousPage":true},"totalCount":5}}}""",
            await PageAsync($"(first: 2, after: \"{cursor}\")"));
    }

    [Fact]
    public async Task Last_before_a_cursor_keeps_the_tail_in_list_order()
    {
        var cursor = Connection.EncodeCursor("e");
        Assert.Equal(
            """{"data":{"items":{"edges":[{"node":"c"},{"node":"d"}],"pageInfo":{"hasNextPage":true,"hasPreviousPage":true},"totalCount":5}}}""",
            await PageAsync($"(last: 2, before: \"{cursor}\")"));
    }

    [Theory]
    [InlineData("(first: -1)", "must not be negative.")]
    [InlineData("(first: 1, last: 1)", "Pass either first or last, not both.")]
    [InlineData("(first: 4)", "must not exceed 3.")]
    [InlineData("(after: \"bogus\")", "is not a valid cursor")]
    public async Task Bad_paging_arguments_are_field_errors(string arguments, string message)
    {
        var json = await PageAsync(arguments);
        Assert.Contains(message, json, StringComparison.Ordinal);
        Assert.Contains("\"data\":null", json, StringComparison.Ordinal);
    }
}
