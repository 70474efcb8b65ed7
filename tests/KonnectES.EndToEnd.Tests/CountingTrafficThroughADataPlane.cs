using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KonnectES.EndToEnd.Tests.Support;

namespace KonnectES.EndToEnd.Tests;

/// <summary>
/// Requests sent through a real data-plane process show up in the portal's analytics exactly once, split by route,
/// consumer and status class — including the requests the data plane answers itself (401 without a key, 404 without a
/// route) — and a stopping data plane reports what it still holds.
/// </summary>
public sealed class CountingTrafficThroughADataPlane(TrafficPlatform platform) : IClassFixture<TrafficPlatform>
{
    private static readonly string Configuration = """
        _format_version: "3.0"
        services:
        - name: counted
          url: http://{upstream}
          routes:
          - name: open
            paths: ["/open"]
          - name: keyed
            paths: ["/keyed"]
            plugins:
            - name: key-auth
        consumers:
        - username: alice
          keyauth_credentials:
          - key: alice-key
        - username: bob
          keyauth_credentials:
          - key: bob-key
        """;

    [Fact]
    public async Task N_requests_show_up_as_exactly_N_split_by_route_consumer_and_status()
    {
        // Given a data plane reporting every second, serving an open route and a key-auth route with two consumers
        var node = await platform.StartDataPlaneAsync(flushSeconds: 1);
        await node.WaitForVersionAsync(await platform.Portal.ImportAsync(platform.ControlPlaneId, Configuration.Replace("{upstream}", platform.Upstream.Address, StringComparison.Ordinal)));
        var ids = await IdsAsync();
        var nodeId = await node.NodeIdAsync();
        var from = DateTimeOffset.UtcNow;

        // When requests go through it in two batches, the second after the first was reported, many at a time
        Call[] firstBatch =
        [
            .. Times(4, new Call("open", null, "/open/a", null, 200)),
            .. Times(2, new Call("open", null, "/open/b?status=500", null, 500)),
            .. Times(1, new Call("open", null, "/open/c?status=404", null, 404)),
            .. Times(3, new Call("keyed", "alice", "/keyed/a", "alice-key", 200)),
            .. Times(1, new Call("keyed", "alice", "/keyed/b?status=500", "alice-key", 500)),
            .. Times(2, new Call("keyed", "bob", "/keyed/c", "bob-key", 200)),
            .. Times(2, new Call("keyed", null, "/keyed/d", null, 401)),
            .. Times(1, new Call(null, null, "/nowhere", null, 404)),
            .. Times(2, new Call("open", null, "/open/p", null, 200, Body: """{"order":1}""")),
        ];
        Call[] secondBatch =
        [
            .. Times(2, new Call("open", null, "/open/a", null, 200)),
            .. Times(1, new Call("open", null, "/open/b?status=500", null, 500)),
            .. Times(1, new Call("open", null, "/open/c?status=404", null, 404)),
            .. Times(2, new Call("keyed", "alice", "/keyed/a", "alice-key", 200)),
            .. Times(1, new Call("keyed", "alice", "/keyed/b?status=500", "alice-key", 500)),
            .. Times(2, new Call("keyed", "bob", "/keyed/c", "bob-key", 200)),
            .. Times(1, new Call("keyed", "bob", "/keyed/e?status=404", "bob-key", 404)),
            .. Times(1, new Call("keyed", null, "/keyed/d", null, 401)),
            .. Times(2, new Call("keyed", null, "/keyed/f", "not-a-key", 401)),
            .. Times(1, new Call(null, null, "/nowhere", null, 404)),
            .. Times(1, new Call("keyed", "alice", "/keyed/p?status=500", "alice-key", 500, Body: """{"order":2,"lines":[1,2,3]}""")),
        ];
        var first = await SendAllAsync(node, firstBatch);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Exchange[] sent = [.. first, .. await SendAllAsync(node, secondBatch)];
        var slowest = sent.Max(e => e.Waited);

        // Then the portal's analytics settle on exactly what was sent
        var to = DateTimeOffset.UtcNow.AddMinutes(2);
        var totals = await SettledTotalsAsync(nodeId, from, to, sent.Length, settleFor: TimeSpan.FromSeconds(3));
        Assert.True(sent.Length == totals.GetProperty("requestCount").GetInt64(), $"{totals}\n{platform.Logs}");
        Assert.Equal(sent.Count(e => e.Call.Status is >= 400 and < 500), totals.GetProperty("errorCount4xx").GetInt64());
        Assert.Equal(sent.Count(e => e.Call.Status >= 500), totals.GetProperty("errorCount5xx").GetInt64());
        Assert.True(totals.GetProperty("bytesOut").GetDouble() > 0, totals.ToString());
        Assert.True(totals.GetProperty("bytesIn").GetDouble() > 0, totals.ToString());

        Assert.Equal(
            Expected(sent, e => Id(ids, e.Call.Route)),
            await CountsAsync(nodeId, from, to, ["ROUTE"], d => Dimension(d, "routeId")));
        Assert.Equal(
            Expected(sent, e => Id(ids, e.Call.Consumer)),
            await CountsAsync(nodeId, from, to, ["CONSUMER"], d => Dimension(d, "consumerId")));
        Assert.Equal(
            Expected(sent, e => StatusClass(e.Call.Status)),
            await CountsAsync(nodeId, from, to, ["STATUS_CODE_CLASS"], d => Dimension(d, "statusCodeClass")));
        Assert.Equal(
            Expected(sent, e => Group(ids, e.Call)),
            await CountsAsync(nodeId, from, to, ["ROUTE", "CONSUMER", "STATUS_CODE_CLASS"], Group));

        // and the body bytes of each group are the bytes the clients sent and received
        Assert.Equal(
            Expected(sent, e => Group(ids, e.Call), e => e.BytesOut),
            await CountsAsync(nodeId, from, to, ["ROUTE", "CONSUMER", "STATUS_CODE_CLASS"], Group, "bytesOut"));
        Assert.Equal(
            Expected(sent, e => Group(ids, e.Call), e => e.BytesIn),
            await CountsAsync(nodeId, from, to, ["ROUTE", "CONSUMER", "STATUS_CODE_CLASS"], Group, "bytesIn"));

        // and the hour and day rollups hold the same
        foreach (var (granularity, unit) in new[] { ("HOUR", TimeSpan.FromHours(1)), ("DAY", TimeSpan.FromDays(1)) })
        {
            var rolledUp = (await platform.AnalyticsAsync(nodeId, from, to + unit, [], granularity)).GetProperty("totals");
            Assert.Equal(
                (totals.GetProperty("requestCount").GetInt64(), totals.GetProperty("bytesIn").GetDouble(), totals.GetProperty("bytesOut").GetDouble()),
                (rolledUp.GetProperty("requestCount").GetInt64(), rolledUp.GetProperty("bytesIn").GetDouble(), rolledUp.GetProperty("bytesOut").GetDouble()));
        }

        // and the latencies are there and no longer than the client waited for the slowest request
        var p50 = totals.GetProperty("latencyP50Ms").GetDouble();
        var p99 = totals.GetProperty("latencyP99Ms").GetDouble();
        Assert.True(p50 > 0 && p50 <= p99, totals.ToString());
        Assert.True(p99 <= slowest.TotalMilliseconds * 1.02, $"p99 {p99} ms, slowest request seen by the client {slowest.TotalMilliseconds} ms");
        Assert.True(totals.GetProperty("upstreamLatencyP99Ms").GetDouble() is var upstream && upstream > 0 && upstream <= p99 * 1.02, totals.ToString());
    }

    [Fact]
    public async Task A_data_plane_stopped_before_its_next_report_finishes_what_is_in_flight_and_sends_what_it_holds()
    {
        // Given a data plane that would report only once an hour
        var node = await platform.StartDataPlaneAsync(flushSeconds: 3600);
        await node.WaitForVersionAsync(await platform.Portal.ImportAsync(platform.ControlPlaneId, Configuration.Replace("{upstream}", platform.Upstream.Address, StringComparison.Ordinal)));
        var ids = await IdsAsync();
        var nodeId = await node.NodeIdAsync();
        var from = DateTimeOffset.UtcNow;
        Call[] calls =
        [
            .. Times(3, new Call("open", null, "/open/a", null, 200)),
            .. Times(2, new Call("keyed", "bob", "/keyed/b?status=500", "bob-key", 500)),
            .. Times(1, new Call("keyed", null, "/keyed/c", null, 401)),
        ];
        Exchange[] sent = [.. await SendAllAsync(node, calls)];

        // When it is stopped gracefully while a slow request is in flight
        var answered = platform.Upstream.Requests;
        var slow = SendAllAsync(node, [new Call("open", null, "/open/slow?delay=1500", null, 200)]);
        while (platform.Upstream.Requests == answered)
        {
            await Task.Delay(20);
        }

        await node.StopAsync();
        sent = [.. sent, .. await slow];

        // Then everything it answered shows up
        var totals = await SettledTotalsAsync(nodeId, from, DateTimeOffset.UtcNow.AddMinutes(2), sent.Length, settleFor: TimeSpan.FromSeconds(2));
        Assert.True(sent.Length == totals.GetProperty("requestCount").GetInt64(), $"{totals}\n{node.Output}");
        Assert.Equal(
            Expected(sent, e => Group(ids, e.Call)),
            await CountsAsync(
                nodeId, from, DateTimeOffset.UtcNow.AddMinutes(2), ["ROUTE", "CONSUMER", "STATUS_CODE_CLASS"],
                Group));
    }

    [Fact]
    public async Task Requests_on_both_sides_of_a_minute_boundary_count_once_each()
    {
        // Given a data plane reporting every second
        var node = await platform.StartDataPlaneAsync(flushSeconds: 1);
        await node.WaitForVersionAsync(await platform.Portal.ImportAsync(platform.ControlPlaneId, Configuration.Replace("{upstream}", platform.Upstream.Address, StringComparison.Ordinal)));
        var nodeId = await node.NodeIdAsync();

        // When requests go through it one after the other from two seconds before a minute starts to three after
        var now = DateTimeOffset.UtcNow;
        var boundary = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        if (boundary - now < TimeSpan.FromSeconds(2))
        {
            boundary = boundary.AddMinutes(1);
        }

        await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (boundary - TimeSpan.FromSeconds(2) - DateTimeOffset.UtcNow).Ticks)));
        var from = DateTimeOffset.UtcNow;
        var sent = new List<Exchange>();
        while (DateTimeOffset.UtcNow < boundary + TimeSpan.FromSeconds(3))
        {
            sent.AddRange(await SendAllAsync(node, [new Call("open", null, "/open/a", null, 200)]));
            await Task.Delay(20);
        }

        // Then each counts once, in one of the two minutes
        var to = DateTimeOffset.UtcNow.AddMinutes(2);
        var totals = await SettledTotalsAsync(nodeId, from, to, sent.Count, settleFor: TimeSpan.FromSeconds(3));
        Assert.True(sent.Count == totals.GetProperty("requestCount").GetInt64(), $"{sent.Count} sent: {totals}\n{platform.Logs}");
        var points = (await platform.AnalyticsAsync(nodeId, from, to, [])).GetProperty("series").EnumerateArray()
            .SelectMany(s => s.GetProperty("points").EnumerateArray())
            .ToDictionary(p => p.GetProperty("timestamp").GetDateTimeOffset(), p => p.GetProperty("requestCount").GetInt64());
        Assert.Equal([boundary.AddMinutes(-1), boundary], points.Keys.Order());
        Assert.All(points.Values, count => Assert.True(count > 0));
    }

    private async Task<Dictionary<string, string>> IdsAsync() => new()
    {
        ["open"] = await platform.RouteIdAsync("open"),
        ["keyed"] = await platform.RouteIdAsync("keyed"),
        ["alice"] = await platform.ConsumerIdAsync("alice"),
        ["bob"] = await platform.ConsumerIdAsync("bob"),
    };

    /// <summary>Sends every call at once; asserts each status; returns what was sent and received.</summary>
    private static async Task<Exchange[]> SendAllAsync(DataPlaneNode node, IEnumerable<Call> calls) =>
        await Task.WhenAll(calls.Select(async call =>
        {
            using var request = new HttpRequestMessage(call.Body is null ? HttpMethod.Get : HttpMethod.Post, call.Path);
            if (call.Body is { } content)
            {
                request.Content = new StringContent(content, Encoding.UTF8, "application/json");
            }

            if (call.Key is { } key)
            {
                request.Headers.Add("apikey", key);
            }

            var watch = Stopwatch.StartNew();
            using var response = await node.Proxy.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            Assert.True(call.Status == (int)response.StatusCode, $"{call.Path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}\n{node.Output}");
            return new Exchange(call, watch.Elapsed, call.Body is null ? 0 : Encoding.UTF8.GetByteCount(call.Body), body.Length);
        }));

    /// <summary>
    /// Polls the node's totals until they reach <paramref name="expected"/> and stay unchanged for
    /// <paramref name="settleFor"/>, or a minute passed; returns the last totals.
    /// </summary>
    private async Task<JsonElement> SettledTotalsAsync(string nodeId, DateTimeOffset from, DateTimeOffset to, long expected, TimeSpan settleFor)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        var totals = (await platform.AnalyticsAsync(nodeId, from, to, [])).GetProperty("totals");
        var stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            var next = (await platform.AnalyticsAsync(nodeId, from, to, [])).GetProperty("totals");
            if (next.GetProperty("requestCount").GetInt64() != totals.GetProperty("requestCount").GetInt64())
            {
                stableSince = DateTime.UtcNow;
            }

            totals = next;
            if (totals.GetProperty("requestCount").GetInt64() >= expected && DateTime.UtcNow - stableSince >= settleFor)
            {
                break;
            }
        }

        return totals;
    }

    /// <summary>The sum of <paramref name="measure"/> over each series, by the series' key.</summary>
    private async Task<SortedDictionary<string, long>> CountsAsync(
        string nodeId, DateTimeOffset from, DateTimeOffset to, string[] groupBy, Func<JsonElement, string> key, string measure = "requestCount")
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var series in (await platform.AnalyticsAsync(nodeId, from, to, groupBy)).GetProperty("series").EnumerateArray())
        {
            var name = key(series.GetProperty("dimensions"));
            counts[name] = counts.GetValueOrDefault(name) + (long)series.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty(measure).GetDouble());
        }

        return counts;
    }

    private static SortedDictionary<string, long> Expected(IEnumerable<Exchange> sent, Func<Exchange, string> key, Func<Exchange, long>? measure = null) =>
        new(sent.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(measure ?? (_ => 1))), StringComparer.Ordinal);

    private static string Group(Dictionary<string, string> ids, Call call) => $"{Id(ids, call.Route)}|{Id(ids, call.Consumer)}|{StatusClass(call.Status)}";

    private static string Group(JsonElement dimensions) =>
        $"{Dimension(dimensions, "routeId")}|{Dimension(dimensions, "consumerId")}|{Dimension(dimensions, "statusCodeClass")}";

    private static string Dimension(JsonElement dimensions, string name) =>
        dimensions.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "none";

    private static string Id(Dictionary<string, string> ids, string? name) => name is null ? "none" : ids[name];

    private static string StatusClass(int status) => $"{status / 100}xx";

    private static IEnumerable<Call> Times(int count, Call call) => Enumerable.Repeat(call, count);

    /// <summary>
    /// One request: the route and consumer it should count under (null: none), what to send (a POST when it has a
    /// body), the status expected.
    /// </summary>
    private sealed record Call(string? Route, string? Consumer, string Path, string? Key, int Status, string? Body = null);

    /// <summary>A call as it went: how long the client waited, the body bytes it sent and received.</summary>
    private sealed record Exchange(Call Call, TimeSpan Waited, long BytesIn, long BytesOut);
}
