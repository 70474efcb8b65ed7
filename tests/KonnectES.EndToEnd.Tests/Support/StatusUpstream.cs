using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KonnectES.EndToEnd.Tests.Support;

/// <summary>
/// A real upstream on a free loopback port that answers with the status code asked for in the <c>status</c> query
/// parameter (200 without it) and a short JSON body written without a Content-Length, like most applications, after
/// waiting the milliseconds of the <c>delay</c> parameter if there is one.
/// </summary>
internal sealed class StatusUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private StatusUpstream(int port, WebApplication app)
    {
        Port = port;
        _app = app;
    }

    public int Port { get; }

    /// <summary>The <c>host:port</c> of this upstream.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Requests answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<StatusUpstream> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var upstream = new StatusUpstream(port, app);
        app.Run(upstream.HandleAsync);
        await app.StartAsync();
        return upstream;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var status = int.TryParse(context.Request.Query["status"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : 200;
        if (int.TryParse(context.Request.Query["delay"], NumberStyles.None, CultureInfo.InvariantCulture, out var delay))
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"status":{{status}},"path":"{{context.Request.Path}}"}""", context.RequestAborted);
    }
}
