using System.Text;
using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class ExposingTargetHealthMetrics
{
    [Fact]
    public void Each_address_has_one_series_per_state_with_1_on_its_current_state()
    {
        var set = Snapshots.Compile(Snapshots.Upstream("healthchecks:\n  passive:\n    unhealthy:\n      http_failures: 1", ("10.0.0.1:80", 100), ("10.0.0.2:80", 100)));
        set.Balancers.Single().Addresses.Single(a => a.Ip == "10.0.0.2").Health.Set(healthy: false);
        var text = new StringBuilder();

        TargetHealthMetrics.Write(text, set.HealthReport());

        var lines = text.ToString().Split('\n');
        Assert.Contains("# TYPE kong_upstream_target_health gauge", lines);
        Assert.Contains("kong_upstream_target_health{upstream=\"up\",target=\"10.0.0.1:80\",address=\"10.0.0.1:80\",state=\"healthy\",subsystem=\"http\"} 1", lines);
        Assert.Contains("kong_upstream_target_health{upstream=\"up\",target=\"10.0.0.2:80\",address=\"10.0.0.2:80\",state=\"unhealthy\",subsystem=\"http\"} 1", lines);
        Assert.Contains("kong_upstream_target_health{upstream=\"up\",target=\"10.0.0.2:80\",address=\"10.0.0.2:80\",state=\"healthy\",subsystem=\"http\"} 0", lines);
        Assert.Equal(8, lines.Count(l => l.StartsWith("kong_upstream_target_health{", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_target_that_does_not_resolve_is_in_dns_error_with_an_empty_address()
    {
        var set = Snapshots.Compile(Snapshots.Upstream("", ("no-such-host.invalid:80", 100)));
        var text = new StringBuilder();

        TargetHealthMetrics.Write(text, set.HealthReport());

        Assert.Contains("kong_upstream_target_health{upstream=\"up\",target=\"no-such-host.invalid:80\",address=\"\",state=\"dns_error\",subsystem=\"http\"} 1", text.ToString().Split('\n'));
    }
}
