using System.Net;
using System.Net.Sockets;
using KonnectES.DataPlane.Tests.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Tests.Proxy;

/// <summary>A real upstream on a free loopback port answering with the request it received (<see cref="PluginTestHost.EchoAsync"/>).</summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<EchoServer> StartAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(PluginTestHost.EchoAsync);
        await app.StartAsync();
        return new EchoServer(app, port);
    }

    /// <summary>A loopback port nothing listens on (the listener that found it is closed again).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
