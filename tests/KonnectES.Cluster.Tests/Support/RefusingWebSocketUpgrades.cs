using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KonnectES.Cluster.Support;

/// <summary>What a proxy that does not pass WebSockets does in front of a node: it answers every upgrade with 400.</summary>
internal sealed class RefusingWebSocketUpgrades : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, following) =>
        {
            if (string.Equals(http.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }

            return following(http);
        });
        next(app);
    };
}
