using System.Net;
using System.Text;
using KonnectES.DataPlane.Tests.Proxy;
using KonnectES.DataPlane.Traffic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Tests.Traffic;

public sealed class CountingResponseBytes
{
    [Fact]
    public async Task Body_bytes_written_through_the_stream_the_pipe_and_send_file_are_all_counted()
    {
        // Given a server whose response goes through every door of the body, written without a Content-Length
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "0123456789");
        long counted = -1;
        await using var server = await StartAsync(async context =>
        {
            var bytes = ResponseBytesFeature.Install(context);
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("stream !"));
            await context.Response.WriteAsync(" pipe ");
            var span = context.Response.BodyWriter.GetSpan(3);
            "abc"u8.CopyTo(span);
            context.Response.BodyWriter.Advance(3);
            await context.Response.SendFileAsync(file, 2, 5);
            counted = bytes.Bytes;
        });

        // When
        using var http = new HttpClient { BaseAddress = server.Address };
        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        File.Delete(file);

        // Then
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal("stream ! pipe abc23456", Encoding.UTF8.GetString(body));
        Assert.Equal(body.Length, counted);
    }

    [Fact]
    public async Task A_chunked_upstream_answer_and_the_proxys_own_answers_count_the_body_bytes_the_client_got()
    {
        // Given an upstream that answers without a Content-Length (it sends the headers before the body), behind the proxy
        await using var upstream = await StartAsync(async context =>
        {
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.WriteAsync("first part, ", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await context.Response.WriteAsync("second part", context.RequestAborted);
        });
        await using var proxy = await ProxyTestHost.StartAsync();
        await proxy.ApplyAsync($"""
            _format_version: "3.0"
            services:
            - name: echo
              url: {upstream.Address.ToString().TrimEnd('/')}
              routes:
              - name: echo
                paths: ["/api"]
            """);

        // When
        using var proxied = await proxy.Client.GetAsync(new Uri("/api/items", UriKind.Relative));
        var proxiedBody = await proxied.Content.ReadAsByteArrayAsync();
        using var unrouted = await proxy.Client.GetAsync(new Uri("/nowhere", UriKind.Relative));
        var unroutedBody = await unrouted.Content.ReadAsByteArrayAsync();

        // Then
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.True(proxied.Headers.TransferEncodingChunked);
        Assert.Equal("first part, second part", Encoding.UTF8.GetString(proxiedBody));
        Assert.Equal(HttpStatusCode.NotFound, unrouted.StatusCode);
        var lines = proxy.Metrics.Write(1, "", "").Split('\n');
        Assert.Contains($"kong_bandwidth_bytes{{service=\"echo\",route=\"echo\",direction=\"egress\"}} {proxiedBody.Length}", lines);
        Assert.Contains($"kong_bandwidth_bytes{{service=\"\",route=\"\",direction=\"egress\"}} {unroutedBody.Length}", lines);
    }

    private static async Task<Server> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return new Server(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    private sealed record Server(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
