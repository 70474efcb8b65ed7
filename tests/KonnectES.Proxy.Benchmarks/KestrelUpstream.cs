using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>
/// The alternative upstream (<c>--kestrel-upstream</c>): a minimal Kestrel app with one fixed small body, run as a
/// child process (<c>upstream PORT</c>). nginx's static response is the default upstream because it costs less CPU.
/// </summary>
internal static class KestrelUpstream
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(NginxConfigs.Body);

    public static async Task RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength = Body.Length;
            await context.Response.Body.WriteAsync(Body, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }
}
