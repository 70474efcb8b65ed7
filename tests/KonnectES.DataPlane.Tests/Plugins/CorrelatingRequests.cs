namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class CorrelatingRequests
{
    private static string Config(string correlation) => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        plugins:
        - name: correlation-id
          config: {{correlation}}
        """;

    [Fact]
    public async Task The_default_generator_sends_a_uuid_and_a_counter_upstream()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{}"));

        var first = Echo.Header(await Echo.ReadAsync(await host.Client.GetAsync("/orders")), "Kong-Request-ID")!;
        var second = Echo.Header(await Echo.ReadAsync(await host.Client.GetAsync("/orders")), "Kong-Request-ID")!;

        var (worker, counter) = (first.Split('#')[0], long.Parse(first.Split('#')[1]));
        Assert.True(Guid.TryParse(worker, out _));
        Assert.Equal(worker + "#" + (counter + 1), second);
    }

    [Fact]
    public async Task A_client_supplied_id_is_kept_and_echoed_downstream()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{header_name: X-Correlation-ID, generator: uuid, echo_downstream: true}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("X-Correlation-ID", "abc-123");

        var response = await host.Client.SendAsync(request);

        Assert.Equal("abc-123", Echo.Header(await Echo.ReadAsync(response), "X-Correlation-ID"));
        Assert.Equal("abc-123", Echo.Single(response, "X-Correlation-ID"));
    }

    [Fact]
    public async Task A_generated_uuid_is_echoed_only_with_echo_downstream()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{generator: uuid, echo_downstream: true}"));

        var response = await host.Client.GetAsync("/orders");

        var sent = Echo.Header(await Echo.ReadAsync(response), "Kong-Request-ID");
        Assert.True(Guid.TryParse(sent, out _));
        Assert.Equal(sent, Echo.Single(response, "Kong-Request-ID"));
    }

    [Fact]
    public async Task The_tracker_generator_describes_the_connection()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{generator: tracker}"));

        var id = Echo.Header(await Echo.ReadAsync(await host.Client.GetAsync("/orders")), "Kong-Request-ID")!;

        Assert.StartsWith("127.0.0.1-" + host.Client.BaseAddress!.Port + "-" + Environment.ProcessId + "-", id);
    }
}
