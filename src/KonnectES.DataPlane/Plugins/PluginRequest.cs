namespace KonnectES.DataPlane.Plugins;

/// <summary>What the router matched for a request: the plugins' scope lookup and the names some plugins report.</summary>
internal sealed record PluginRequest(Guid? RouteId, Guid? ServiceId, string? RouteName = null, string? ServiceName = null)
{
    /// <summary>The request id the host sends as <c>X-Kong-Request-Id</c>; error bodies carry it as <c>request_id</c> (the trace identifier when absent).</summary>
    public string? RequestId { get; init; }

    /// <summary>Named captures of the matched route's regex path, for request-transformer's <c>$(uri_captures.name)</c>.</summary>
    public IReadOnlyDictionary<string, string> UriCaptures { get; init; } = new Dictionary<string, string>();
}
