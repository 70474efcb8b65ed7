using System.Net;
using System.Net.Sockets;
using KonnectES.DataPlane.Balancing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class ActiveHealthChecking
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static string Checks(string type = "http", string timeout = "5", string extra = "", int timeouts = 0) => $$"""
        healthchecks:
          active:
            {{extra}}
            type: {{type}}
            http_path: /health
            timeout: {{timeout}}
            headers:
              x-probe: ["konnectes"]
            healthy:
              interval: 0.1
              successes: 2
            unhealthy:
              interval: 0.1
              http_failures: 2
              tcp_failures: 1
              timeouts: {{timeouts}}
        """;

    private static TargetHealthStatus HealthOf(UpstreamSet set, string target) => set.HealthReport().Single(t => t.Target == target).Health;

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    private static List<string> Targeted(UpstreamSet set, int selections) => [.. Enumerable.Range(0, selections).Select(_ =>
    {
        using var selection = set.Balancers.Single().Select(new BalancerRequest())!;
        return selection.Target;
    })];

    [Fact]
    public async Task A_target_failing_its_probes_gets_no_traffic_and_comes_back_when_it_recovers()
    {
        await using var good = await KestrelTarget.StartAsync();
        await using var flaky = await KestrelTarget.StartAsync();
        flaky.HealthStatus = 500;
        var set = Snapshots.Compile(Snapshots.Upstream(Checks(), (good.Target, 100), (flaky.Target, 100)));
        using var checker = new ActiveHealthChecker(() => set, NullLogger<ActiveHealthChecker>.Instance);
        await checker.StartAsync(CancellationToken.None);

        await WaitUntil(() => HealthOf(set, flaky.Target) == TargetHealthStatus.Unhealthy, "the failing target is unhealthy");
        var whileDown = Targeted(set, 20);
        flaky.HealthStatus = 200;
        await WaitUntil(() => HealthOf(set, flaky.Target) == TargetHealthStatus.Healthy, "the recovered target is healthy");
        var afterwards = Targeted(set, 20);
        await checker.StopAsync(CancellationToken.None);

        Assert.All(whileDown, t => Assert.Equal(good.Target, t));
        Assert.Contains(flaky.Target, afterwards);
        Assert.Equal(TargetHealthStatus.Healthy, HealthOf(set, good.Target));
    }

    [Fact]
    public async Task Probes_ask_for_the_http_path_with_the_target_name_as_host_and_the_configured_headers()
    {
        await using var target = await KestrelTarget.StartAsync();
        var set = Snapshots.Compile(Snapshots.Upstream(Checks(), ($"localhost:{target.Port}", 100)));
        using var checker = new ActiveHealthChecker(() => set, NullLogger<ActiveHealthChecker>.Instance);
        await checker.StartAsync(CancellationToken.None);

        await WaitUntil(() => target.Probes >= 2, "the target was probed");
        await checker.StopAsync(CancellationToken.None);

        Assert.Equal("localhost", target.LastHost);
        Assert.Equal("konnectes", target.LastProbeHeader);
    }

    [Fact]
    public async Task A_probe_that_times_out_counts_as_a_timeout()
    {
        await using var slow = await KestrelTarget.StartAsync();
        slow.HealthDelay = TimeSpan.FromSeconds(5);
        var set = Snapshots.Compile(Snapshots.Upstream(Checks(timeout: "0.2", timeouts: 1), (slow.Target, 100)));
        using var checker = new ActiveHealthChecker(() => set, NullLogger<ActiveHealthChecker>.Instance);
        await checker.StartAsync(CancellationToken.None);

        await WaitUntil(() => HealthOf(set, slow.Target) == TargetHealthStatus.Unhealthy, "the slow target is unhealthy");
        await checker.StopAsync(CancellationToken.None);

        Assert.Null(set.Balancers.Single().Select(new BalancerRequest()));
    }

    [Fact]
    public async Task A_tcp_check_marks_a_closed_port_unhealthy_and_an_open_one_healthy()
    {
        await using var open = await KestrelTarget.StartAsync();
        var closed = ClosedPort();
        var set = Snapshots.Compile(Snapshots.Upstream(Checks(type: "tcp"), (open.Target, 100), ($"127.0.0.1:{closed}", 100)));
        using var checker = new ActiveHealthChecker(() => set, NullLogger<ActiveHealthChecker>.Instance);
        await checker.StartAsync(CancellationToken.None);

        await WaitUntil(() => HealthOf(set, $"127.0.0.1:{closed}") == TargetHealthStatus.Unhealthy, "the closed port is unhealthy");
        await checker.StopAsync(CancellationToken.None);

        Assert.Equal(TargetHealthStatus.Healthy, HealthOf(set, open.Target));
        Assert.Equal(0, open.Probes);
    }

    [Fact]
    public async Task Checks_follow_the_set_in_force_after_a_recompile_without_losing_health()
    {
        await using var good = await KestrelTarget.StartAsync();
        await using var broken = await KestrelTarget.StartAsync();
        broken.HealthStatus = 503;
        var yaml = Snapshots.Upstream(Checks(), (good.Target, 100), (broken.Target, 100));
        var current = Snapshots.Compile(yaml);
        using var checker = new ActiveHealthChecker(() => current, NullLogger<ActiveHealthChecker>.Instance);
        await checker.StartAsync(CancellationToken.None);
        await WaitUntil(() => HealthOf(current, broken.Target) == TargetHealthStatus.Unhealthy, "the broken target is unhealthy");

        current = Snapshots.Compile(yaml, current);
        var right = HealthOf(current, broken.Target);
        broken.HealthStatus = 200;
        await WaitUntil(() => HealthOf(current, broken.Target) == TargetHealthStatus.Healthy, "the repaired target is healthy in the new set");
        await checker.StopAsync(CancellationToken.None);

        Assert.Equal(TargetHealthStatus.Unhealthy, right);
    }

    [Fact]
    public async Task An_https_check_sends_the_configured_sni_and_honours_certificate_verification()
    {
        await using var unverified = await KestrelTarget.StartHttpsAsync();
        await using var verified = await KestrelTarget.StartHttpsAsync();
        var lax = Snapshots.Compile(Snapshots.Upstream(Checks(type: "https", timeout: "5", extra: "https_verify_certificate: false\n    https_sni: probe.example.com"), (unverified.Target, 100)));
        var strict = Snapshots.Compile(Snapshots.Upstream(Checks(type: "https", timeout: "5"), (verified.Target, 100)).Replace("name: up", "name: strict", StringComparison.Ordinal));
        using var laxChecker = new ActiveHealthChecker(() => lax, NullLogger<ActiveHealthChecker>.Instance);
        using var strictChecker = new ActiveHealthChecker(() => strict, NullLogger<ActiveHealthChecker>.Instance);
        await laxChecker.StartAsync(CancellationToken.None);
        await strictChecker.StartAsync(CancellationToken.None);

        await WaitUntil(() => unverified.Probes >= 2 && HealthOf(lax, unverified.Target) == TargetHealthStatus.Healthy, "the lax target was probed over TLS");
        await WaitUntil(() => HealthOf(strict, verified.Target) == TargetHealthStatus.Unhealthy, "the untrusted certificate failed the strict check");
        await laxChecker.StopAsync(CancellationToken.None);
        await strictChecker.StopAsync(CancellationToken.None);

        Assert.Equal("probe.example.com", unverified.LastServerName);
        Assert.Equal(0, verified.Probes);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
