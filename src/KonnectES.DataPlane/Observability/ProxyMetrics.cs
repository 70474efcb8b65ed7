using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using KonnectES.DataPlane.Traffic;

namespace KonnectES.DataPlane.Observability;

/// <summary>
/// The data plane's metrics in Prometheus text format, named as Kong's Prometheus plugin names them so existing
/// dashboards work: <c>kong_http_requests_total</c>, <c>kong_request_latency_ms</c>, <c>kong_upstream_latency_ms</c>,
/// <c>kong_kong_latency_ms</c>, <c>kong_bandwidth_bytes</c>, plus <c>konnectes_config_version</c> and
/// <c>konnectes_config_info</c> for the applied configuration.
/// </summary>
internal sealed class ProxyMetrics
{
    private readonly ConcurrentDictionary<(string Service, string Route), RouteMetrics> _slots = new();

    /// <summary>The slot of a service and route label pair, created on first use; the proxy keeps it per route.</summary>
    public RouteMetrics Slot(string service, string route) =>
        _slots.TryGetValue((service, route), out var slot) ? slot : _slots.GetOrAdd((service, route), static (key, owner) => new RouteMetrics(owner, key.Service, key.Route), this);

    /// <summary>Counts one request.</summary>
    public void Record(in ProxiedRequest request) =>
        Slot(request.ServiceName, request.RouteName).Record(request.Status, request.BytesIn, request.BytesOut, request.TotalMs, request.UpstreamMs);

    /// <summary>The exposition text, with the applied configuration's version and hashes.</summary>
    public string Write(long configVersion, string configHash, string snapshotHash)
    {
        var text = new StringBuilder();
        var latencies = _slots.Where(s => s.Value.IsUsed).OrderBy(l => l.Key).ToList();
        text.Append("# HELP kong_http_requests_total HTTP status codes per service and route\n# TYPE kong_http_requests_total counter\n");
        var requests = latencies.SelectMany(l => l.Value.Statuses.Select(s => (Key: (l.Key.Service, l.Key.Route, Code: s.Status), s.Count))).OrderBy(r => r.Key);
        foreach (var ((service, route, code), count) in requests)
        {
            text.Append(CultureInfo.InvariantCulture, $"kong_http_requests_total{{service=\"{Escape(service)}\",route=\"{Escape(route)}\",code=\"{code}\"}} {count}\n");
        }

        WriteHistogram(text, "kong_request_latency_ms", "Total latency of requests in ms", latencies, h => h.Request);
        WriteHistogram(text, "kong_upstream_latency_ms", "Latency added by the upstream in ms", latencies, h => h.Upstream);
        WriteHistogram(text, "kong_kong_latency_ms", "Latency added by the data plane in ms", latencies, h => h.Kong);
        text.Append("# HELP kong_bandwidth_bytes Total bandwidth in bytes per service and route\n# TYPE kong_bandwidth_bytes counter\n");
        foreach (var ((service, route), histograms) in latencies)
        {
            var labels = $"service=\"{Escape(service)}\",route=\"{Escape(route)}\"";
            text.Append(CultureInfo.InvariantCulture, $"kong_bandwidth_bytes{{{labels},direction=\"ingress\"}} {histograms.Ingress}\n");
            text.Append(CultureInfo.InvariantCulture, $"kong_bandwidth_bytes{{{labels},direction=\"egress\"}} {histograms.Egress}\n");
        }

        text.Append("# HELP konnectes_config_version The applied configuration version\n# TYPE konnectes_config_version gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"konnectes_config_version {configVersion}\n");
        text.Append("# HELP konnectes_config_info The applied configuration's hashes\n# TYPE konnectes_config_info gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"konnectes_config_info{{config_hash=\"{Escape(configHash)}\",snapshot_hash=\"{Escape(snapshotHash)}\"}} 1\n");
        return text.ToString();
    }

    private static void WriteHistogram(
        StringBuilder text, string name, string help, List<KeyValuePair<(string Service, string Route), RouteMetrics>> latencies, Func<RouteMetrics, LatencyBuckets> pick)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} histogram\n");
        foreach (var ((service, route), histograms) in latencies)
        {
            var labels = $"service=\"{Escape(service)}\",route=\"{Escape(route)}\"";
            var (cumulative, sum, count) = pick(histograms).Read();
            if (count == 0)
            {
                continue;
            }

            for (var i = 0; i < LatencyBuckets.Bounds.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"{LatencyBuckets.Bounds[i]:0.#####}\"}} {cumulative[i]}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"+Inf\"}} {cumulative[^1]}\n");
            text.Append(CultureInfo.InvariantCulture, $"{name}_sum{{{labels}}} {sum:0.###}\n");
            text.Append(CultureInfo.InvariantCulture, $"{name}_count{{{labels}}} {count}\n");
        }
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
