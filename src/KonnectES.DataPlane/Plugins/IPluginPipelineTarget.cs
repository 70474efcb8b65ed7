using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// The proxy's side of a request going through a <see cref="PluginPipeline"/>: the upstream call, and the headers Kong
/// adds to every response it generates itself (a plugin's exit: 401, 429, request-termination, …).
/// </summary>
internal interface IPluginPipelineTarget
{
    /// <summary>Sends the (possibly changed) request upstream and writes the upstream response into <c>context.Response</c>.</summary>
    public Task ForwardAsync(HttpContext context, CancellationToken cancellationToken);

    /// <summary>Adds Kong's headers of a gateway-generated response; called before the plugins' header filters run.</summary>
    public void AddGeneratedResponseHeaders(HttpResponse response);
}
