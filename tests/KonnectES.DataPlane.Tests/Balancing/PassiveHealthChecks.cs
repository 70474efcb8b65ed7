using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class PassiveHealthChecks
{
    private const string Passive = """
        healthchecks:
          passive:
            healthy:
              successes: 2
            unhealthy:
              http_failures: 3
              tcp_failures: 2
              timeouts: 2
        """;

    private static readonly (string, int)[] Targets = [("10.0.0.1:80", 100), ("10.0.0.2:80", 100)];

    private static (Balancer Balancer, TargetSelection Selection) FirstSelection(string fields = Passive)
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream(fields, Targets));
        return (balancer, balancer.Select(new BalancerRequest())!);
    }

    private static void Report(Balancer balancer, TargetSelection selection, params PeerResult[] results)
    {
        foreach (var result in results)
        {
            balancer.ReportResult(selection, result);
        }
    }

    private static IEnumerable<string> Targeted(Balancer balancer, int selections) => Enumerable.Range(0, selections).Select(_ =>
    {
        using var selection = balancer.Select(new BalancerRequest())!;
        return selection.Target;
    }).ToList();

    [Fact]
    public void Reaching_the_http_failures_threshold_takes_the_target_out_of_rotation()
    {
        var (balancer, selection) = FirstSelection();

        Report(balancer, selection, PeerResult.Response(500), PeerResult.Response(503));
        Assert.True(selection.Address.Health.IsHealthy);
        Report(balancer, selection, PeerResult.Response(429));

        Assert.False(selection.Address.Health.IsHealthy);
        Assert.DoesNotContain(selection.Target, Targeted(balancer, 20));
    }

    [Fact]
    public void A_healthy_response_clears_the_failures_counted_so_far()
    {
        var (balancer, selection) = FirstSelection();

        Report(balancer, selection, PeerResult.Response(500), PeerResult.Response(500), PeerResult.Response(200), PeerResult.Response(500), PeerResult.Response(500));

        Assert.True(selection.Address.Health.IsHealthy);
        Assert.Equal(InternalHealth.MostlyHealthy, selection.Address.Health.State);
    }

    [Fact]
    public void With_passive_successes_left_at_zero_healthy_responses_do_not_reset_the_failures()
    {
        var (balancer, selection) = FirstSelection("healthchecks:\n  passive:\n    unhealthy:\n      http_failures: 3");

        Report(balancer, selection, PeerResult.Response(500), PeerResult.Response(200), PeerResult.Response(500), PeerResult.Response(200), PeerResult.Response(500));

        Assert.False(selection.Address.Health.IsHealthy);
    }

    [Fact]
    public void Tcp_failures_and_timeouts_count_against_their_own_thresholds()
    {
        var (balancer, tcp) = FirstSelection();
        var timeout = balancer.Select(new BalancerRequest())!;

        Report(balancer, tcp, PeerResult.TcpFailure(), PeerResult.TcpFailure());
        Report(balancer, timeout, PeerResult.Timeout());

        Assert.False(tcp.Address.Health.IsHealthy);
        Assert.True(timeout.Address.Health.IsHealthy);
        Report(balancer, timeout, PeerResult.Timeout());
        Assert.False(timeout.Address.Health.IsHealthy);
    }

    [Fact]
    public void A_status_in_neither_list_is_ignored()
    {
        var (balancer, selection) = FirstSelection();

        Report(balancer, selection, PeerResult.Response(500), PeerResult.Response(500), PeerResult.Response(404), PeerResult.Response(418));

        Assert.Equal(InternalHealth.MostlyHealthy, selection.Address.Health.State);
        Report(balancer, selection, PeerResult.Response(502), PeerResult.Response(500));
        Assert.False(selection.Address.Health.IsHealthy);
    }

    [Fact]
    public void A_counter_left_at_zero_never_trips()
    {
        var (balancer, selection) = FirstSelection("healthchecks:\n  passive:\n    unhealthy:\n      timeouts: 1");

        Report(balancer, selection, [.. Enumerable.Repeat(PeerResult.Response(500), 50), PeerResult.TcpFailure()]);

        Assert.True(selection.Address.Health.IsHealthy);
    }

    [Fact]
    public void A_passively_unhealthy_target_stays_down_without_active_checks_until_it_is_set_healthy()
    {
        var (balancer, selection) = FirstSelection();
        Report(balancer, selection, PeerResult.Response(500), PeerResult.Response(500), PeerResult.Response(500));

        var meanwhile = Targeted(balancer, 50);
        Assert.True(balancer.SetTargetHealth(selection.TargetId, healthy: true));

        Assert.DoesNotContain(selection.Target, meanwhile);
        Assert.Contains(selection.Target, Targeted(balancer, 10));
    }

    [Fact]
    public void Without_health_checks_reports_change_nothing_and_targets_report_healthchecks_off()
    {
        var (balancer, selection) = FirstSelection("algorithm: round-robin");

        Report(balancer, selection, [.. Enumerable.Repeat(PeerResult.Response(500), 20)]);

        Assert.Contains(selection.Target, Targeted(balancer, 10));
        Assert.All(balancer.HealthReport(), t => Assert.Equal(TargetHealthStatus.HealthchecksOff, t.Health));
        Assert.False(balancer.SetTargetHealth(selection.TargetId, healthy: false));
    }

    [Fact]
    public void Health_is_reported_per_target_with_kongs_names()
    {
        var (balancer, selection) = FirstSelection();
        Report(balancer, selection, PeerResult.TcpFailure(), PeerResult.TcpFailure());

        var report = balancer.HealthReport().ToDictionary(t => t.Target);

        Assert.Equal(TargetHealthStatus.Unhealthy, report[selection.Target].Health);
        Assert.Equal(TargetHealthStatus.Healthy, report.Single(t => t.Key != selection.Target).Value.Health);
        Assert.Equal("\"UNHEALTHY\"", System.Text.Json.JsonSerializer.Serialize(report[selection.Target].Health));
        Assert.Equal(selection.Host, Assert.Single(report[selection.Target].Addresses).Ip);
    }
}
