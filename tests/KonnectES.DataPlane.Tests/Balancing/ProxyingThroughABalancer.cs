using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Tests.Balancing;

/// <summary>The contract with the proxy host, over real HTTP: select, send, report, release, and retry elsewhere.</summary>
public sealed class ProxyingThroughABalancer
{
    private static async Task<(int Status, string Target)> SendAsync(Balancer balancer, HttpClient client)
    {
        var tried = new List<TargetSelection>();
        try
        {
            for (var attempt = 0; attempt <= 5; attempt++)
            {
                var selection = balancer.Select(new BalancerRequest { Tried = [.. tried] });
                if (selection is null)
                {
                    return (503, "");
                }

                tried.Add(selection);
                try
                {
                    using var response = await client.GetAsync(new Uri($"http://{selection.Host}:{selection.Port}/health"));
                    balancer.ReportResult(selection, PeerResult.Response((int)response.StatusCode));
                    return ((int)response.StatusCode, selection.Target);
                }
                catch (HttpRequestException)
                {
                    balancer.ReportResult(selection, PeerResult.TcpFailure());
                }
            }

            return (502, "");
        }
        finally
        {
            tried.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task A_target_answering_500_is_taken_out_after_the_passive_threshold_and_a_dead_one_is_retried_around()
    {
        await using var good = await KestrelTarget.StartAsync();
        await using var failing = await KestrelTarget.StartAsync();
        failing.HealthStatus = 500;
        var dead = await KestrelTarget.StartAsync();
        var deadTarget = dead.Target;
        await dead.DisposeAsync();
        var balancer = Snapshots.Balancer(Snapshots.Upstream(
            "healthchecks:\n  passive:\n    unhealthy:\n      http_failures: 2\n      tcp_failures: 1",
            (good.Target, 100), (failing.Target, 100), (deadTarget, 100)));
        using var client = new HttpClient();

        var results = new List<(int Status, string Target)>();
        for (var i = 0; i < 30; i++)
        {
            results.Add(await SendAsync(balancer, client));
        }

        Assert.Equal(2, results.Count(r => r.Status == 500));
        Assert.All(results.Skip(10), r => Assert.Equal((200, good.Target), r));
        Assert.DoesNotContain(results, r => r.Target == deadTarget);
        var health = balancer.HealthReport().ToDictionary(t => t.Target, t => t.Health);
        Assert.Equal(TargetHealthStatus.Unhealthy, health[failing.Target]);
        Assert.Equal(TargetHealthStatus.Unhealthy, health[deadTarget]);
        Assert.All(balancer.Addresses, a => Assert.Equal(0, a.Health.Connections));
    }
}
