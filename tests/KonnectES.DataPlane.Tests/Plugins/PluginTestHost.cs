using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.DataPlane.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Tests.Plugins;

/// <summary>
/// A Kestrel server on a free loopback port that runs <see cref="PluginPipeline"/> in front of a test upstream.
/// Requests are matched to the snapshot's routes by longest path prefix. The default upstream answers 200 with
/// the request it received as JSON (method, path, query, headers, body).
/// </summary>
internal sealed class PluginTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _upstreamCalls;

    private PluginTestHost(WebApplication app, PluginSet plugins, HttpClient client)
    {
        _app = app;
        Plugins = plugins;
        Client = client;
    }

    public PluginSet Plugins { get; }

    public HttpClient Client { get; }

    public int UpstreamCalls => Volatile.Read(ref _upstreamCalls);

    /// <summary>What the pipeline reported as authenticated on the last request.</summary>
    public AuthenticatedConsumerFeature? LastConsumer { get; private set; }

    /// <summary>Which plugins the last request reached, and which one answered it.</summary>
    public PluginRunFeature? LastRun { get; private set; }

    public static async Task<PluginTestHost> StartAsync(string yaml, Func<HttpContext, Task>? upstream = null, TimeProvider? time = null)
    {
        var snapshot = KongSnapshot.FromYaml(yaml);
        var plugins = PluginSet.Compile(snapshot);
        Assert.True(plugins.IsValid, string.Join("; ", plugins.Errors));
        var routes = Routes(snapshot);
        var pipeline = new PluginPipeline(plugins, new PluginStores(time ?? TimeProvider.System));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        PluginTestHost? host = null;
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            var route = routes.Where(r => r.Paths.Any(p => path.StartsWith(p, StringComparison.Ordinal))).MaxBy(r => r.Paths.Max(p => p.Length));
            var request = new PluginRequest(route?.Id, route?.ServiceId, route?.Name, null) { RequestId = "test-request-id" };
            await pipeline.InvokeAsync(context, request, async (ctx, cancellationToken) =>
            {
                Interlocked.Increment(ref host!._upstreamCalls);
                await (upstream ?? EchoAsync)(ctx);
            }, context.RequestAborted);
            host!.LastConsumer = context.Features.Get<AuthenticatedConsumerFeature>();
            host.LastRun = context.Features.Get<PluginRunFeature>();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host = new PluginTestHost(app, plugins, new HttpClient { BaseAddress = new Uri(address) });
        return host;
    }

    /// <summary>The test upstream: the request as JSON.</summary>
    public static async Task EchoAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = new JsonObject();
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name.ToLowerInvariant()] = values.ToString();
        }

        var echo = new JsonObject
        {
            ["method"] = context.Request.Method,
            ["path"] = context.Request.Path.Value,
            ["query"] = context.Request.QueryString.Value,
            ["headers"] = headers,
            ["body"] = body,
        };
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(echo.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static List<TestRoute> Routes(JsonElement snapshot) =>
        [.. snapshot.GetProperty("routes").EnumerateArray().Select(r => new TestRoute(
            Guid.Parse(r.GetProperty("id").GetString()!),
            r.TryGetProperty("name", out var n) ? n.GetString() : null,
            r.TryGetProperty("service", out var s) ? (Guid?)Guid.Parse(s.ValueKind == JsonValueKind.Object ? s.GetProperty("id").GetString()! : s.GetString()!) : null,
            r.TryGetProperty("paths", out var p) ? p.EnumerateArray().Select(x => x.GetString()!).ToArray() : ["/"]))];

    private sealed record TestRoute(Guid Id, string? Name, Guid? ServiceId, string[] Paths);
}
