using System.Net;
using KonnectES.DataPlane.Observability;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Sync;
using KonnectES.DataPlane.Tests.Plugins;
using KonnectES.DataPlane.Traffic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Tests.Proxy;

public sealed class CountingChunkedBodies
{
    private const int RequestBytes = 3_000;
    private const int ResponseChunk = 1_000;
    private const int ResponseChunks = 5;

    [Fact]
    public async Task Request_and_response_bodies_without_Content_Length_count_in_metrics_and_traffic()
    {
        // Given an upstream answering in chunks, without Content-Length
        await using var upstream = await StartAsync(app => app.Run(ChunkedUpstreamAsync));
        await using var proxy = await StartAsync(app => app.Run(app.Services.GetRequiredService<ProxyHandler>().InvokeAsync), services => services.AddProxy(new ProxyOptions()));
        await Apply(proxy, $"""
            _format_version: "3.0"
            services:
            - name: chunks
              url: http://127.0.0.1:{Port(upstream)}
              routes:
              - name: chunks
                paths: ["/chunks"]
            """);

        // When a client sends a chunked body
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port(proxy)}") };
        using var content = new StreamContent(new UnknownLengthStream(new byte[RequestBytes]));
        using var response = await client.PostAsync(new Uri("/chunks", UriKind.Relative), content);
        var body = await response.Content.ReadAsByteArrayAsync();

        // Then both bodies went through whole and are counted
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(ResponseChunk * ResponseChunks, body.Length);
        Assert.Equal(RequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Upstream-Received").Single());
        var metrics = proxy.Services.GetRequiredService<ProxyMetrics>().Write(0, "", "").Split('\n');
        Assert.Contains($"kong_bandwidth_bytes{{service=\"chunks\",route=\"chunks\",direction=\"ingress\"}} {RequestBytes}", metrics);
        Assert.Contains($"kong_bandwidth_bytes{{service=\"chunks\",route=\"chunks\",direction=\"egress\"}} {ResponseChunk * ResponseChunks}", metrics);
        var row = Assert.Single(proxy.Services.GetRequiredService<TrafficRecorder>().Collect());
        Assert.Equal((1L, (long)RequestBytes, (long)ResponseChunk * ResponseChunks), (row.Count, row.BytesIn, row.BytesOut));
    }

    [Fact]
    public async Task Bodies_with_Content_Length_count_their_announced_length()
    {
        // Given an upstream answering with Content-Length
        await using var upstream = await StartAsync(app => app.Run(async context =>
        {
            var received = await DrainAsync(context.Request.Body, context.RequestAborted);
            context.Response.ContentLength = received * 2;
            await context.Response.Body.WriteAsync(new byte[received * 2], context.RequestAborted);
        }));
        await using var proxy = await StartAsync(app => app.Run(app.Services.GetRequiredService<ProxyHandler>().InvokeAsync), services => services.AddProxy(new ProxyOptions()));
        await Apply(proxy, $"""
            _format_version: "3.0"
            services:
            - name: sized
              url: http://127.0.0.1:{Port(upstream)}
              routes:
              - name: sized
                paths: ["/sized"]
            """);

        // When
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port(proxy)}") };
        using var content = new ByteArrayContent(new byte[700]);
        using var response = await client.PostAsync(new Uri("/sized", UriKind.Relative), content);
        Assert.Equal(1_400, (await response.Content.ReadAsByteArrayAsync()).Length);

        // Then
        var row = Assert.Single(proxy.Services.GetRequiredService<TrafficRecorder>().Collect());
        Assert.Equal((700L, 1_400L), (row.BytesIn, row.BytesOut));
    }

    private static async Task ChunkedUpstreamAsync(HttpContext context)
    {
        var received = await DrainAsync(context.Request.Body, context.RequestAborted);
        context.Response.Headers["X-Upstream-Received"] = received.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < ResponseChunks; i++)
        {
            await context.Response.Body.WriteAsync(new byte[ResponseChunk], context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private static async Task<int> DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private static int Port(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    private static async Task Apply(WebApplication proxy, string yaml)
    {
        var result = await proxy.Services.GetRequiredService<ProxyConfigurationHolder>()
            .ApplyAsync(SnapshotState.FromDocument(KongSnapshot.FromYaml(yaml)).ToAppliedSnapshot(), CancellationToken.None);
        Assert.True(result.IsSuccess);
    }

    /// <summary>A readable stream that does not tell its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
