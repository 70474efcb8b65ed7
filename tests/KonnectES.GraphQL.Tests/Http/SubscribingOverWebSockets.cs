using System.Text.Json.Nodes;
using KonnectES.GraphQL.Tests.Support;

namespace KonnectES.GraphQL.Tests.Http;

public sealed class SubscribingOverWebSockets(WebSocketServerFixture fixture) : IClassFixture<WebSocketServerFixture>
{
    private async Task<JsonNode> RunAsync(string scenario)
    {
        var (exitCode, output) = await Node.ScriptAsync("ws-client.mjs", [scenario, fixture.Server.WebSocketUrl]);
        Assert.True(exitCode == 0, output);
        var result = JsonNode.Parse(output)!;
        Assert.Null(result["timeout"]);
        return result;
    }

    [Fact]
    public async Task A_graphql_ws_client_receives_every_event_and_the_completion()
    {
        var result = await RunAsync("subscribe");

        Assert.Equal(
            """[{"data":{"todoAdded":{"title":"Write parser"}}},{"data":{"todoAdded":{"title":"Write tests"}}}]""",
            result["events"]!.ToJsonString());
        Assert.True(result["completed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_query_sent_as_subscribe_gets_one_result_then_complete()
    {
        var result = await RunAsync("query");

        Assert.Equal("""[{"data":{"todo":{"title":"Write parser"}}}]""", result["events"]!.ToJsonString());
        Assert.True(result["completed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_invalid_operation_gets_an_error_message_with_the_graphql_errors()
    {
        var result = await RunAsync("validation-error");

        Assert.Contains("Cannot query field \\u0022nope\\u0022", result["error"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_mid_stream_disposes_the_source_stream()
    {
        var before = Ticks.Disposed;

        var result = await RunAsync("complete-mid-stream");

        Assert.Equal(2, result["events"]!.AsArray().Count);
        Assert.True(Ticks.Disposed > before);
    }

    [Fact]
    public async Task Ping_is_answered_with_pong()
    {
        var result = await RunAsync("ping");

        Assert.Equal("pong", result["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("bad-message", 4400)]
    [InlineData("unknown-type", 4400)]
    [InlineData("subscribe-before-ack", 4401)]
    [InlineData("forbidden", 4403)]
    [InlineData("no-init", 4408)]
    [InlineData("duplicate-id", 4409)]
    [InlineData("double-init", 4429)]
    public async Task Protocol_violations_close_the_socket_with_their_close_code(string scenario, int closeCode)
    {
        var result = await RunAsync(scenario);

        Assert.Equal(closeCode, result["code"]!.GetValue<int>());
    }
}
