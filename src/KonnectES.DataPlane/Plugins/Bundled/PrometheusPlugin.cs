namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// prometheus (priority 13, log phase): its only effect is on what the host's <c>/metrics</c> exports, so here it
/// carries its parsed config for the host and does nothing per request.
/// </summary>
internal sealed class PrometheusPlugin(PluginConfig config) : KongPlugin
{
    public override string Name => "prometheus";

    public override int Priority => 13;

    /// <summary>Adds the consumer label to the request counters.</summary>
    public bool PerConsumer { get; } = config.Bool("per_consumer", false);

    public bool StatusCodeMetrics { get; } = config.Bool("status_code_metrics", false);

    public bool LatencyMetrics { get; } = config.Bool("latency_metrics", false);

    public bool BandwidthMetrics { get; } = config.Bool("bandwidth_metrics", false);

    public bool UpstreamHealthMetrics { get; } = config.Bool("upstream_health_metrics", false);
}
