using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
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
    private readonly ConcurrentDictionary<(string Service, string Route, int Code), StrongBox<long>> _requests = new();
    private readonly ConcurrentDictionary<(string Service, string Route), Histograms> _latencies = new();

    /// <summary>Counts one request.</summary>
    public void Record(in ProxiedRequest request)
    {
        Interlocked.Increment(ref _requests.GetOrAdd((request.ServiceName, request.RouteName, request.Status), static _ => new StrongBox<long>()).Value);
        var histograms = _latencies.GetOrAdd((request.ServiceName, request.RouteName), static _ => new Histograms());
        histograms.Request.Observe(request.TotalMs);
        if (request.UpstreamMs is { } upstream)
        {
            histograms.Upstream.Observe(upstream);
            histograms.Kong.Observe(Math.Max(0, request.TotalMs - upstream));
        }
        else
        {
            histograms.Kong.Observe(request.TotalMs);
        }

        Interlocked.Add(ref histograms.Ingress, request.BytesIn);
        Interlocked.Add(ref histograms.Egress, request.BytesOut);
    }

    /// <summary>The exposition text, with the applied configuration's version and hashes.</summary>
    public string Write(long configVersion, string configHash, string snapshotHash)
    {
        var text = new StringBuilder();
        text.Append("# HELP kong_http_requests_total HTTP status codes per service and route\n# TYPE kong_http_requests_total counter\n");
        foreach (var ((service, route, code), count) in _requests.OrderBy(r => r.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"kong_http_requests_total{{service=\"{Escape(service)}\",route=\"{Escape(route)}\",code=\"{code}\"}} {Interlocked.Read(ref count.Value)}\n");
        }

        var latencies = _latencies.OrderBy(l => l.Key).ToList();
        WriteHistogram(text, "kong_request_latency_ms", "Total latency of requests in ms", latencies, h => h.Request);
        WriteHistogram(text, "kong_upstream_latency_ms", "Latency added by the upstream in ms", latencies, h => h.Upstream);
        WriteHistogram(text, "kong_kong_latency_ms", "Latency added by the data plane in ms", latencies, h => h.Kong);
        text.Append("# HELP kong_bandwidth_bytes Total bandwidth in bytes per service and route\n# TYPE kong_bandwidth_bytes counter\n");
        foreach (var ((service, route), histograms) in latencies)
        {
            var labels = $"service=\"{Escape(service)}\",route=\"{Escape(route)}\"";
            text.Append(CultureInfo.InvariantCulture, $"kong_bandwidth_bytes{{{labels},direction=\"ingress\"}} {Interlocked.Read(ref histograms.Ingress)}\n");
            text.Append(CultureInfo.InvariantCulture, $"kong_bandwidth_bytes{{{labels},direction=\"egress\"}} {Interlocked.Read(ref histograms.Egress)}\n");
        }

        text.Append("# HELP konnectes_config_version The applied configuration version\n# TYPE konnectes_config_version gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"konnectes_config_version {configVersion}\n");
        text.Append("# HELP konnectes_config_info The applied configuration's hashes\n# TYPE konnectes_config_info gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"konnectes_config_info{{config_hash=\"{Escape(configHash)}\",snapshot_hash=\"{Escape(snapshotHash)}\"}} 1\n");
        return text.ToString();
    }

    private static void WriteHistogram(
        StringBuilder text, string name, string help, List<KeyValuePair<(string Service, string Route), Histograms>> latencies, Func<Histograms, LatencyBuckets> pick)
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

    private sealed class Histograms
    {
        public readonly LatencyBuckets Request = new();
        public readonly LatencyBuckets Upstream = new();
        public readonly LatencyBuckets Kong = new();
        public long Ingress;
        public long Egress;
    }
}
