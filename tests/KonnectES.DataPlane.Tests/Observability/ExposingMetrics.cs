using KonnectES.DataPlane.Observability;
using KonnectES.DataPlane.Traffic;

namespace KonnectES.DataPlane.Tests.Observability;

public sealed class ExposingMetrics
{
    [Fact]
    public void Requests_latencies_and_bandwidth_appear_under_kongs_metric_names()
    {
        var metrics = new ProxyMetrics();
        var now = DateTimeOffset.UtcNow;
        metrics.Record(new ProxiedRequest(now, Guid.NewGuid(), "orders", Guid.NewGuid(), "orders-v1", null, 200, 10, 100, TotalMs: 12, UpstreamMs: 9));
        metrics.Record(new ProxiedRequest(now, Guid.NewGuid(), "orders", Guid.NewGuid(), "orders-v1", null, 200, 10, 100, TotalMs: 3000.5, UpstreamMs: 3000));
        metrics.Record(new ProxiedRequest(now, null, "", null, "", null, 404, 5, 48, TotalMs: 0.2, UpstreamMs: null));

        var text = metrics.Write(42, "abc", "def");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("kong_http_requests_total{service=\"orders\",route=\"orders-v1\",code=\"200\"} 2", lines);
        Assert.Contains("kong_http_requests_total{service=\"\",route=\"\",code=\"404\"} 1", lines);
        Assert.Contains("kong_request_latency_ms_bucket{service=\"orders\",route=\"orders-v1\",le=\"15\"} 1", lines);
        Assert.Contains("kong_request_latency_ms_bucket{service=\"orders\",route=\"orders-v1\",le=\"3000\"} 1", lines);
        Assert.Contains("kong_request_latency_ms_bucket{service=\"orders\",route=\"orders-v1\",le=\"+Inf\"} 2", lines);
        Assert.Contains("kong_request_latency_ms_count{service=\"orders\",route=\"orders-v1\"} 2", lines);
        Assert.Contains("kong_upstream_latency_ms_count{service=\"orders\",route=\"orders-v1\"} 2", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("kong_upstream_latency_ms_count{service=\"\"", StringComparison.Ordinal));
        Assert.Contains("kong_bandwidth_bytes{service=\"orders\",route=\"orders-v1\",direction=\"egress\"} 200", lines);
        Assert.Contains("konnectes_config_version 42", lines);
        Assert.Contains("konnectes_config_info{config_hash=\"abc\",snapshot_hash=\"def\"} 1", lines);
        Assert.All(lines.Where(l => !l.StartsWith('#')), l => Assert.Matches(@"^[a-z_]+(\{[^}]*\})? [0-9.+Inf]+$", l));
    }
}
