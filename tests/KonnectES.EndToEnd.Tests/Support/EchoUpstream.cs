using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KonnectES.EndToEnd.Tests.Support;

/// <summary>
/// A real upstream on a free loopback port: answers every request with its own name and the request it received
/// (method, path, query, headers) as JSON; <c>/health</c> answers 200, or 500 while <see cref="Failing"/> is set.
/// </summary>
internal sealed class EchoUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private EchoUpstream(string name, int port, WebApplication app)
    {
        Name = name;
        Port = port;
        _app = app;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The <c>host:port</c> of this upstream.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>When set, <c>/health</c> answers 500.</summary>
    public bool Failing { get; set; }

    /// <summary>Requests served, <c>/health</c> excluded.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<EchoUpstream> StartAsync(string name)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var echo = new EchoUpstream(name, port, app);
        app.Run(echo.HandleAsync);
        await app.StartAsync();
        return echo;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/health")
        {
            context.Response.StatusCode = Failing ? 500 : 200;
            return;
        }

        Interlocked.Increment(ref _requests);
        var headers = new JsonObject();
        foreach (var (header, values) in context.Request.Headers)
        {
            headers[header.ToLowerInvariant()] = values.ToString();
        }

        var echo = new JsonObject
        {
            ["upstream"] = Name,
            ["method"] = context.Request.Method,
            ["path"] = context.Request.Path.ToUriComponent(),
            ["query"] = context.Request.QueryString.Value,
            ["headers"] = headers,
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(echo.ToJsonString(), context.RequestAborted);
    }
}
