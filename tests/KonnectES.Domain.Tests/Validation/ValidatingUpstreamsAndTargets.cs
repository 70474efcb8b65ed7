namespace KonnectES.Domain.Tests.Validation;

public sealed class ValidatingUpstreamsAndTargets
{
    private static readonly Upstream Valid = new() { Id = Given.Id("up"), Name = "orders.internal" };
    private readonly ControlPlaneConfig _state = Given.ControlPlaneWithOneService();

    private static Healthchecks Checks(Func<ActiveHealthcheck, ActiveHealthcheck> active) => new() { Active = active(new ActiveHealthcheck()) };

    public static TheoryData<string, Upstream> ValidUpstreams => new()
    {
        { "defaults", Valid },
        { "least-connections", Valid with { Algorithm = "least-connections" } },
        { "latency", Valid with { Algorithm = "latency" } },
        { "hash on header with ip fallback", Valid with { HashOn = "header", HashOnHeader = "x-user", HashFallback = "ip" } },
        { "hash on cookie", Valid with { HashOn = "cookie", HashOnCookie = "sid", HashOnCookiePath = "/app" } },
        { "two different headers", Valid with { HashOn = "header", HashOnHeader = "a", HashFallback = "header", HashFallbackHeader = "b" } },
        { "query arg and uri capture", Valid with { HashOn = "query_arg", HashOnQueryArg = "u", HashFallback = "uri_capture", HashFallbackUriCapture = "id" } },
        { "slots bounds", Valid with { Slots = 65536 } },
        { "host header with port", Valid with { HostHeader = "backend.example.com:8080" } },
        { "active checks", Valid with { Healthchecks = Checks(a => a with { Timeout = 15, Concurrency = 20, Healthy = new ActiveHealthy { Interval = 5, Successes = 255 } }) } },
        { "threshold", Valid with { Healthchecks = new Healthchecks { Threshold = 55 } } },
    };

    public static TheoryData<string, Upstream> InvalidUpstreams => new()
    {
        { "name", Valid with { Name = "" } },
        { "name", Valid with { Name = "10.0.0.1" } },
        { "name", Valid with { Name = "orders.internal:80" } },
        { "name", Valid with { Name = "bad_name!" } },
        { "algorithm", Valid with { Algorithm = "random" } },
        { "hash_on", Valid with { HashOn = "body" } },
        { "hash_on_header", Valid with { HashOn = "header" } },
        { "hash_on_cookie", Valid with { HashOn = "cookie" } },
        { "hash_on_query_arg", Valid with { HashOn = "query_arg" } },
        { "hash_fallback_uri_capture", Valid with { HashOn = "ip", HashFallback = "uri_capture" } },
        { "hash_fallback", Valid with { HashOn = "none", HashFallback = "ip" } },
        { "hash_fallback", Valid with { HashOn = "cookie", HashOnCookie = "c", HashFallback = "ip" } },
        { "hash_fallback", Valid with { HashOn = "ip", HashFallback = "ip" } },
        { "hash_fallback", Valid with { HashOn = "header", HashOnHeader = "a", HashFallback = "header", HashFallbackHeader = "a" } },
        { "hash_on_header", Valid with { HashOn = "header", HashOnHeader = "bad header" } },
        { "hash_on_cookie_path", Valid with { HashOn = "cookie", HashOnCookie = "sid", HashOnCookiePath = "no-slash" } },
        { "hash_fallback_header", Valid with { HashOn = "ip", HashFallback = "header" } },
        { "healthchecks.passive.unhealthy.timeouts", Valid with { Healthchecks = new Healthchecks { Passive = new PassiveHealthcheck { Unhealthy = new PassiveUnhealthy { Timeouts = 300 } } } } },
        { "healthchecks.active.unhealthy.interval", Valid with { Healthchecks = Checks(a => a with { Unhealthy = new ActiveUnhealthy { Interval = -1 } }) } },
        { "slots", Valid with { Slots = 9 } },
        { "slots", Valid with { Slots = 65537 } },
        { "host_header", Valid with { HostHeader = "bad host" } },
        { "healthchecks.threshold", Valid with { Healthchecks = new Healthchecks { Threshold = 101 } } },
        { "healthchecks.active.type", Valid with { Healthchecks = Checks(a => a with { Type = "udp" }) } },
        { "healthchecks.active.timeout", Valid with { Healthchecks = Checks(a => a with { Timeout = 65536 }) } },
        { "healthchecks.active.concurrency", Valid with { Healthchecks = Checks(a => a with { Concurrency = 0 }) } },
        { "healthchecks.active.http_path", Valid with { Healthchecks = Checks(a => a with { HttpPath = "status" }) } },
        { "healthchecks.active.healthy.successes", Valid with { Healthchecks = Checks(a => a with { Healthy = new ActiveHealthy { Successes = 256 } }) } },
        { "healthchecks.active.unhealthy.http_statuses[0]", Valid with { Healthchecks = Checks(a => a with { Unhealthy = new ActiveUnhealthy { HttpStatuses = [99] } }) } },
    };

    [Theory]
    [MemberData(nameof(ValidUpstreams))]
    public void An_upstream_following_kongs_rules_is_accepted(string because, Upstream upstream)
    {
        Assert.NotEmpty(because);
        Verdict.Accepted(_state, new CreateUpstream(upstream));
    }

    [Theory]
    [MemberData(nameof(InvalidUpstreams))]
    public void An_upstream_breaking_a_rule_is_rejected_on_that_field(string field, Upstream upstream) =>
        Verdict.Rejected(_state, new CreateUpstream(upstream), field);

    [Theory]
    [InlineData("round-robin", "header", "consistent-hashing", "header")]
    [InlineData("consistent-hashing", "none", "round-robin", "none")]
    [InlineData("least-connections", "ip", "least-connections", "none")]
    [InlineData("latency", "consumer", "latency", "none")]
    public void The_algorithm_follows_hash_on_like_kongs_input_normalisation(string algorithm, string hashOn, string storedAlgorithm, string storedHashOn)
    {
        var upstream = Valid with { Algorithm = algorithm, HashOn = hashOn, HashOnHeader = hashOn == "header" ? "x-user" : null };

        var stored = Assert.IsType<UpstreamCreated>(Assert.Single(Given.Events(_state, new CreateUpstream(upstream)))).Upstream;

        Assert.Equal((storedAlgorithm, storedHashOn), (stored.Algorithm, stored.HashOn));
    }

    [Fact]
    public void Health_check_defaults_are_kongs()
    {
        var h = new Upstream().Healthchecks;

        Assert.Equal((0d, "http", 1d, 10, "/", true), (h.Threshold, h.Active.Type, h.Active.Timeout, h.Active.Concurrency, h.Active.HttpPath, h.Active.HttpsVerifyCertificate));
        Assert.Equal([200, 302], h.Active.Healthy.HttpStatuses.ToArray());
        Assert.Equal([429, 404, 500, 501, 502, 503, 504, 505], h.Active.Unhealthy.HttpStatuses.ToArray());
        Assert.Equal(19, h.Passive.Healthy.HttpStatuses.Length);
        Assert.Equal([429, 500, 503], h.Passive.Unhealthy.HttpStatuses.ToArray());
        Assert.Equal((10000, "round-robin", "none", "/"), (new Upstream().Slots, new Upstream().Algorithm, new Upstream().HashOn, new Upstream().HashOnCookiePath));
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1:8000")]
    [InlineData("10.0.0.1:80", "10.0.0.1:80")]
    [InlineData("backend.local", "backend.local:8000")]
    [InlineData("[::1]:9000", "[::1]:9000")]
    [InlineData("::1", "[::1]:8000")]
    public void A_target_is_stored_with_its_port_defaulting_to_8000(string target, string stored)
    {
        var upstream = Given.Upstream();
        var created = Given.Events(_state, new CreateTarget(new Target { Id = Given.Id("t"), UpstreamId = upstream.Id, TargetAddress = target }));

        Assert.Equal(stored, Assert.IsType<TargetCreated>(Assert.Single(created)).Target.TargetAddress);
    }

    [Theory]
    [InlineData("target", "", 100)]
    [InlineData("target", "bad host:80", 100)]
    [InlineData("target", "a.com:70000", 100)]
    [InlineData("weight", "a.com", 65536)]
    [InlineData("weight", "a.com", -1)]
    public void A_target_breaking_a_rule_is_rejected(string field, string target, int weight) =>
        Verdict.Rejected(_state, new CreateTarget(new Target { Id = Given.Id("t"), UpstreamId = Given.Upstream().Id, TargetAddress = target, Weight = weight }), field);

    [Fact]
    public void A_target_with_weight_zero_is_accepted() =>
        Verdict.Accepted(_state, new CreateTarget(new Target { Id = Given.Id("t"), UpstreamId = Given.Upstream().Id, TargetAddress = "a.com", Weight = 0 }));

    [Fact]
    public void The_same_target_twice_on_one_upstream_is_a_conflict()
    {
        var upstreamId = Given.Upstream().Id;
        var state = Given.Apply(_state, new CreateTarget(new Target { Id = Given.Id("t1"), UpstreamId = upstreamId, TargetAddress = "a.com" }));

        Verdict.Rejected(state, new CreateTarget(new Target { Id = Given.Id("t2"), UpstreamId = upstreamId, TargetAddress = "a.com:8000" }), "target", DomainError.Conflict);
    }

    [Fact]
    public void A_target_of_a_missing_upstream_is_not_found() =>
        Verdict.Rejected(_state, new CreateTarget(new Target { Id = Given.Id("t"), UpstreamId = Guid.NewGuid(), TargetAddress = "a.com" }), "upstream", DomainError.NotFound);
}
