using KonnectES.DataPlane.Hosting;
using KonnectES.DataPlane.Observability;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Sync;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the data plane's listeners onto the host's pipeline, by the port a request arrived on.</summary>
internal static class DataPlaneApplicationBuilderExtensions
{
    /// <summary>
    /// Requests on the proxy ports (plain and TLS) go through the proxy and nowhere else; on the status port, <c>GET /status</c> and
    /// <c>GET /metrics</c> answer (404 otherwise); other ports continue down the pipeline. Call it first.
    /// </summary>
    public static IApplicationBuilder UseDataPlane(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ApplicationServices;
        var options = services.GetRequiredService<ProxyOptions>();
        var proxy = services.GetRequiredService<ProxyHandler>();
        var holder = services.GetRequiredService<ProxyConfigurationHolder>();
        var sync = services.GetRequiredService<SyncClient>();
        var metrics = services.GetRequiredService<ProxyMetrics>();
        var clock = services.GetRequiredService<DataPlaneClock>();
        var time = services.GetRequiredService<TimeProvider>();
        var proxyPort = options.ProxyPort;
        var proxySslPort = options.ProxySslPort ?? -1;
        var statusPort = options.StatusPort;
        return app.Use((context, next) =>
        {
            var port = context.Connection.LocalPort;
            if (port == proxyPort || port == proxySslPort)
            {
                return proxy.InvokeAsync(context);
            }

            if (port != statusPort)
            {
                return next(context);
            }

            var path = context.Request.Path;
            var response = context.Response;
            if (HttpMethods.IsGet(context.Request.Method) && path == "/status")
            {
                response.ContentType = "application/json; charset=utf-8";
                return response.Body.WriteAsync(DataPlaneStatus.Write(holder, sync, clock, time), context.RequestAborted).AsTask();
            }

            if (HttpMethods.IsGet(context.Request.Method) && path == "/metrics")
            {
                var current = holder.Current;
                response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                return response.WriteAsync(
                    metrics.Write(current.Version ?? 0, current.ConfigHash?.ToString() ?? "", current.SnapshotHash?.ToString() ?? ""), context.RequestAborted);
            }

            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "application/json; charset=utf-8";
            return response.WriteAsync("""{"message":"Not found"}""", context.RequestAborted);
        });
    }
}
