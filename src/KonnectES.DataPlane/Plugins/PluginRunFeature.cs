namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// Set on <see cref="Microsoft.AspNetCore.Http.HttpContext.Features"/> by the pipeline: which plugin instances the
/// request reached, in execution order, and the one that answered instead of the upstream (Kong's log
/// <c>source: kong</c>), if any. The host's metrics and traffic reports read it.
/// </summary>
internal sealed class PluginRunFeature(IReadOnlyList<PluginInstance> reached, PluginInstance? answeredBy)
{
    public IReadOnlyList<PluginInstance> Reached => reached;

    /// <summary>The plugin that produced the response (auth failure, rate limit, termination, cache hit), or null when the upstream did.</summary>
    public PluginInstance? AnsweredBy => answeredBy;
}
