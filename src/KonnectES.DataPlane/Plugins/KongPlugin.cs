namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// One compiled plugin instance: its config parsed once, its phases run per request. Instances are immutable and
/// shared by concurrent requests; per-request state goes through <see cref="PluginContext"/>.
/// </summary>
internal abstract class KongPlugin
{
    /// <summary>Kong's plugin name, e.g. <c>key-auth</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Kong's PRIORITY: higher runs first in every phase.</summary>
    public abstract int Priority { get; }

    /// <summary>The access phase: may change the request, authenticate, or end it with <see cref="PluginContext.Exit"/>.</summary>
    public virtual ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>True when <see cref="BodyFilter"/> needs the whole response body, so the pipeline buffers it.</summary>
    public virtual bool NeedsResponseBody(PluginContext context) => false;

    /// <summary>The header_filter phase: runs before the response status and headers are sent.</summary>
    public virtual void HeaderFilter(PluginContext context)
    {
    }

    /// <summary>The body_filter phase on a buffered body (only called when <see cref="NeedsResponseBody"/> said so).</summary>
    public virtual byte[] BodyFilter(PluginContext context, byte[] body) => body;
}
