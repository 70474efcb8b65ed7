using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class ResolvingServicesAndTargets
{
    private const string Config = """
        _format_version: "3.0"
        services:
        - name: balanced
          host: orders.internal
          port: 9999
        - name: direct
          url: http://api.example.com:8081/v1
        upstreams:
        - name: orders.internal
          targets:
          - target: 10.0.0.1:7000
        """;

    [Fact]
    public void A_service_whose_host_names_an_upstream_goes_through_its_balancer()
    {
        var snapshot = Snapshots.FromYaml(Config);
        var set = UpstreamSet.Compile(snapshot, null);
        var service = snapshot.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "balanced");

        var destination = set.ResolveService(service);

        Assert.True(destination.IsBalanced);
        Assert.Same(set.FindByName("orders.internal"), destination.Balancer);
        using var selection = destination.Balancer!.Select(new BalancerRequest())!;
        Assert.Equal(7000, selection.Port);
    }

    [Fact]
    public void A_service_whose_host_is_not_an_upstream_goes_straight_to_its_host_and_port()
    {
        var snapshot = Snapshots.FromYaml(Config);
        var set = UpstreamSet.Compile(snapshot, null);
        var service = snapshot.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "direct");

        var destination = set.ResolveService(service);

        Assert.False(destination.IsBalanced);
        Assert.Equal(("api.example.com", 8081), (destination.Host, destination.Port));
    }

    [Fact]
    public void Before_any_snapshot_every_service_goes_straight_to_its_host()
    {
        var empty = UpstreamSet.Empty();

        var destination = empty.ResolveService("orders.internal", 9999);

        Assert.False(destination.IsBalanced);
        Assert.Empty(empty.HealthReport());
        Assert.NotSame(empty.Registry, UpstreamSet.Empty().Registry);
    }

    [Fact]
    public void Upstreams_are_found_by_name_regardless_of_case_and_by_id()
    {
        var set = Snapshots.Compile(Config);
        var balancer = set.Balancers.Single();

        Assert.Same(balancer, set.FindByName("Orders.Internal"));
        Assert.Same(balancer, set.FindById(balancer.Id));
        Assert.Null(set.FindByName("payments.internal"));
    }

    [Fact]
    public void A_hostname_target_resolves_to_its_addresses_and_sends_its_name_as_host()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("", ("localhost:8080", 100)));

        using var selection = balancer.Select(new BalancerRequest())!;

        Assert.Equal("127.0.0.1", selection.Host);
        Assert.Equal(8080, selection.Port);
        Assert.Equal("localhost", selection.HostName);
        Assert.Equal(TargetHealthStatus.HealthchecksOff, Assert.Single(balancer.HealthReport()).Health);
    }

    [Fact]
    public void The_upstreams_host_header_overrides_the_target_name()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("host_header: orders.example.com", ("localhost:8080", 100)));

        using var selection = balancer.Select(new BalancerRequest())!;

        Assert.Equal("orders.example.com", selection.HostName);
    }

    [Fact]
    public void A_hostname_that_does_not_resolve_is_reported_as_a_dns_error_and_takes_no_traffic()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("", ("no-such-host.invalid:80", 100), ("10.0.0.1:80", 100)));

        var report = balancer.HealthReport().ToDictionary(t => t.Target);

        Assert.Equal(TargetHealthStatus.DnsError, report["no-such-host.invalid:80"].Health);
        Assert.Empty(report["no-such-host.invalid:80"].Addresses);
        Assert.All(Enumerable.Range(0, 5), _ =>
        {
            using var selection = balancer.Select(new BalancerRequest())!;
            Assert.Equal("10.0.0.1:80", selection.Target);
        });
    }

    [Fact]
    public void Dns_answers_are_cached_across_recompiles_and_refreshed_after_their_ttl()
    {
        var options = new BalancingOptions { DnsTtl = TimeSpan.FromMinutes(5) };
        var yaml = Snapshots.Upstream("", ("localhost:8080", 100));
        var set = Snapshots.Compile(yaml, options: options);

        var again = Snapshots.Compile(yaml, set);

        Assert.Same(set.Dns, again.Dns);
        Assert.Same(set.Balancers.Single().Layout.Dns.Values.Single(), again.Balancers.Single().Layout.Dns.Values.Single());
        Assert.Equal(0, again.RefreshDns());
    }

    [Fact]
    public async Task Expired_answers_are_looked_up_again_and_an_unchanged_answer_keeps_the_balancer_as_it_is()
    {
        var set = Snapshots.Compile(Snapshots.Upstream("", ("localhost:8080", 100), ("10.0.0.1:80", 100)), options: new BalancingOptions { DnsTtl = TimeSpan.Zero });
        var balancer = set.Balancers.Single();
        var layout = balancer.Layout;
        using var refresher = new DnsRefresher(() => set, TimeSpan.FromMilliseconds(10));

        await refresher.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ReferenceEquals(balancer.Layout.Dns.Values.Single(), layout.Dns.Values.Single()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await refresher.StopAsync(CancellationToken.None);
        Assert.NotSame(layout.Dns.Values.Single(), balancer.Layout.Dns.Values.Single());
        Assert.Same(layout.Algorithm, balancer.Layout.Algorithm);
        Assert.Equal(layout.Addresses.Select(a => a.Key), balancer.Layout.Addresses.Select(a => a.Key));
    }

    [Theory]
    [InlineData("10.0.0.1:80", "10.0.0.1", 80)]
    [InlineData("example.com", "example.com", 8000)]
    [InlineData("[::1]:8443", "[::1]", 8443)]
    [InlineData("[::1]", "[::1]", 8000)]
    public void Target_fields_split_into_host_and_port(string target, string host, int port)
    {
        Assert.Equal((host, port), SnapshotUpstreams.SplitTarget(target));
    }
}
