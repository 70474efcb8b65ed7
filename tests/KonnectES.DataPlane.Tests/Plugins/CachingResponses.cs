using System.Net.Http.Json;
using KonnectES.DataPlane.Plugins;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class CachingResponses
{
    private static string Config(string cache) => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        plugins:
        - name: proxy-cache
          config: {{cache}}
        """;

    [Fact]
    public async Task A_second_identical_request_is_served_from_the_cache_with_its_age()
    {
        var clock = new ManualClock();
        await using var host = await PluginTestHost.StartAsync(Config("{strategy: memory}"), Counting(), clock);

        var miss = await host.Client.GetAsync("/orders?page=1");
        clock.Advance(TimeSpan.FromSeconds(7));
        var hit = await host.Client.GetAsync("/orders?page=1");

        Assert.Equal("Miss", Echo.Single(miss, "X-Cache-Status"));
        Assert.Equal("Hit", Echo.Single(hit, "X-Cache-Status"));
        Assert.Equal(Echo.Single(miss, "X-Cache-Key"), Echo.Single(hit, "X-Cache-Key"));
        Assert.Equal(64, Echo.Single(hit, "X-Cache-Key")!.Length);
        Assert.Equal("7", Echo.Single(hit, "Age"));
        Assert.Equal("call 1", await hit.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", hit.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, host.UpstreamCalls);
    }

    [Fact]
    public async Task An_entry_older_than_the_ttl_is_fetched_again()
    {
        var clock = new ManualClock();
        await using var host = await PluginTestHost.StartAsync(Config("{strategy: memory, cache_ttl: 30}"), Counting(), clock);

        await host.Client.GetAsync("/orders");
        clock.Advance(TimeSpan.FromSeconds(31));
        var again = await host.Client.GetAsync("/orders");

        Assert.Equal("Miss", Echo.Single(again, "X-Cache-Status"));
        Assert.Equal("call 2", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Methods_not_configured_bypass_the_cache()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{strategy: memory}"), Counting());

        var first = await host.Client.PostAsJsonAsync("/orders", new { });
        var second = await host.Client.PostAsJsonAsync("/orders", new { });

        Assert.Equal("Bypass", Echo.Single(first, "X-Cache-Status"));
        Assert.Null(Echo.Single(first, "X-Cache-Key"));
        Assert.Equal("call 2", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Responses_of_other_content_types_or_statuses_are_not_stored()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{strategy: memory}"), async context =>
        {
            context.Response.StatusCode = context.Request.Path == "/orders/missing" ? 500 : 200;
            context.Response.ContentType = context.Request.Path == "/orders/html" ? "text/html" : "application/json";
            await context.Response.WriteAsync("{}");
        });

        var html = await host.Client.GetAsync("/orders/html");
        var error = await host.Client.GetAsync("/orders/missing");
        await host.Client.GetAsync("/orders/html");

        Assert.Equal("Bypass", Echo.Single(html, "X-Cache-Status"));
        Assert.Equal("Bypass", Echo.Single(error, "X-Cache-Status"));
        Assert.Equal(3, host.UpstreamCalls);
    }

    [Fact]
    public async Task Vary_query_params_limit_the_key_to_the_named_arguments()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{strategy: memory, vary_query_params: [page]}"), Counting());

        await host.Client.GetAsync("/orders?page=1&utm=a");
        var sameKey = await host.Client.GetAsync("/orders?page=1&utm=b");
        var otherPage = await host.Client.GetAsync("/orders?page=2");

        Assert.Equal("Hit", Echo.Single(sameKey, "X-Cache-Status"));
        Assert.Equal("Miss", Echo.Single(otherPage, "X-Cache-Status"));
    }

    [Fact]
    public async Task Vary_headers_key_the_cache_by_header_values()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{strategy: memory, vary_headers: [accept-language]}"), Counting());

        var en = await SendAsync(host, "en");
        var fr = await SendAsync(host, "fr");
        var enAgain = await SendAsync(host, "en");

        Assert.Equal("Miss", Echo.Single(fr, "X-Cache-Status"));
        Assert.Equal("Hit", Echo.Single(enAgain, "X-Cache-Status"));
        Assert.Equal(await en.Content.ReadAsStringAsync(), await enAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_cache_control_the_upstreams_directives_are_honoured()
    {
        var clock = new ManualClock();
        await using var host = await PluginTestHost.StartAsync(Config("{strategy: memory, cache_control: true}"), async context =>
        {
            context.Response.ContentType = "text/plain";
            context.Response.Headers.CacheControl = context.Request.Path == "/orders/private" ? "private" : "max-age=5";
            await context.Response.WriteAsync("x");
        }, clock);

        await host.Client.GetAsync("/orders/private");
        var privateAgain = await host.Client.GetAsync("/orders/private");
        await host.Client.GetAsync("/orders/public");
        var fresh = await host.Client.GetAsync("/orders/public");
        clock.Advance(TimeSpan.FromSeconds(6));
        var stale = await host.Client.GetAsync("/orders/public");

        Assert.Equal("Bypass", Echo.Single(privateAgain, "X-Cache-Status"));
        Assert.Equal("Hit", Echo.Single(fresh, "X-Cache-Status"));
        Assert.Equal("Miss", Echo.Single(stale, "X-Cache-Status"));
    }

    [Fact]
    public async Task With_cache_control_a_client_asking_for_fresher_content_gets_a_refresh()
    {
        var clock = new ManualClock();
        await using var host = await PluginTestHost.StartAsync(Config("{strategy: memory, cache_control: true}"), async context =>
        {
            context.Response.ContentType = "text/plain";
            context.Response.Headers.CacheControl = "public, max-age=60";
            await context.Response.WriteAsync("x");
        }, clock);

        await host.Client.GetAsync("/orders");
        clock.Advance(TimeSpan.FromSeconds(20));
        var acceptsOld = await SendWithCacheControlAsync(host, "max-age=30");
        var wantsFresher = await SendWithCacheControlAsync(host, "max-age=10");
        var wantsLongFreshness = await SendWithCacheControlAsync(host, "min-fresh=65");

        Assert.Equal("Hit", Echo.Single(acceptsOld, "X-Cache-Status"));
        Assert.Equal("Refresh", Echo.Single(wantsFresher, "X-Cache-Status"));
        Assert.Equal("Refresh", Echo.Single(wantsLongFreshness, "X-Cache-Status"));
    }

    [Fact]
    public async Task With_cache_control_only_if_cached_and_nothing_stored_is_504()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{strategy: memory, cache_control: true}"), Counting());

        var response = await SendWithCacheControlAsync(host, "only-if-cached");

        Assert.Equal(System.Net.HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(0, host.UpstreamCalls);
    }

    [Fact]
    public async Task A_stale_entry_kept_by_storage_ttl_is_refreshed()
    {
        var clock = new ManualClock();
        await using var host = await PluginTestHost.StartAsync(Config("{strategy: memory, cache_ttl: 10, storage_ttl: 60}"), Counting(), clock);

        await host.Client.GetAsync("/orders");
        clock.Advance(TimeSpan.FromSeconds(11));
        var refreshed = await host.Client.GetAsync("/orders");
        var hit = await host.Client.GetAsync("/orders");

        Assert.Equal("Refresh", Echo.Single(refreshed, "X-Cache-Status"));
        Assert.Equal("Hit", Echo.Single(hit, "X-Cache-Status"));
        Assert.Equal("call 2", await hit.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_memory_store_drops_the_oldest_entries_beyond_its_capacity()
    {
        var clock = new ManualClock();
        var stores = new PluginStores(clock) { CacheCapacityBytes = 100 };
        var ttl = TimeSpan.FromMinutes(5);

        foreach (var key in new[] { "a", "b", "c" })
        {
            stores.Store(key, new CachedResponse(200, [], new byte[40], clock.GetUtcNow(), ttl, clock.GetUtcNow() + ttl));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Null(stores.Fetch("a"));
        Assert.NotNull(stores.Fetch("b"));
        Assert.NotNull(stores.Fetch("c"));
    }

    /// <summary>An upstream answering "call N" as text, N counting its own calls.</summary>
    private static Func<HttpContext, Task> Counting()
    {
        var calls = 0;
        return async context =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("call " + Interlocked.Increment(ref calls));
        };
    }

    private static Task<HttpResponseMessage> SendAsync(PluginTestHost host, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("Accept-Language", language);
        return host.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> SendWithCacheControlAsync(PluginTestHost host, string cacheControl)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.TryAddWithoutValidation("Cache-Control", cacheControl);
        return host.Client.SendAsync(request);
    }
}
