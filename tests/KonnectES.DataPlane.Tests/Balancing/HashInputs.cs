using KonnectES.DataPlane.Balancing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class HashInputs
{
    private static readonly (string, int)[] Targets = [("10.0.0.1:80", 100), ("10.0.0.2:80", 100), ("10.0.0.3:80", 100)];

    private static Balancer Hashing(string fields) => Snapshots.Balancer(Snapshots.Upstream(fields, Targets));

    private static string? Hash(Balancer balancer, BalancerRequest request) => balancer.HashValue(request, out _);

    [Fact]
    public void Consumer_hashes_on_the_consumer_id_then_the_credential_id_then_the_fallback()
    {
        var balancer = Hashing("hash_on: consumer\nhash_fallback: ip");

        Assert.Equal("c-1", Hash(balancer, new BalancerRequest { ConsumerId = "c-1", CredentialId = "k-1", ClientIp = "192.0.2.9" }));
        Assert.Equal("k-1", Hash(balancer, new BalancerRequest { CredentialId = "k-1", ClientIp = "192.0.2.9" }));
        Assert.Equal("192.0.2.9", Hash(balancer, new BalancerRequest { ClientIp = "192.0.2.9" }));
    }

    [Fact]
    public void Ip_hashes_on_the_client_address()
    {
        var balancer = Hashing("hash_on: ip");

        Assert.Equal("192.0.2.7", Hash(balancer, new BalancerRequest { ClientIp = "192.0.2.7" }));
    }

    [Fact]
    public void Header_hashes_on_all_values_of_the_header_joined_and_falls_back_to_another_header()
    {
        var balancer = Hashing("hash_on: header\nhash_on_header: x-user\nhash_fallback: header\nhash_fallback_header: x-team");

        Assert.Equal("a, b", Hash(balancer, new BalancerRequest { Headers = new HeaderDictionary { ["X-User"] = new StringValues(["a", "b"]) } }));
        Assert.Equal("blue", Hash(balancer, new BalancerRequest { Headers = new HeaderDictionary { ["x-team"] = "blue" } }));
        Assert.Null(Hash(balancer, new BalancerRequest()));
    }

    [Fact]
    public void Cookie_hashes_on_the_cookie_value_when_the_client_sends_it()
    {
        var balancer = Hashing("hash_on: cookie\nhash_on_cookie: sticky");

        var value = balancer.HashValue(new BalancerRequest { Headers = new HeaderDictionary { ["Cookie"] = "other=1; sticky=abc" } }, out var cookie);

        Assert.Equal("abc", value);
        Assert.Null(cookie);
    }

    [Fact]
    public void A_missing_hash_cookie_is_generated_and_handed_to_the_response_with_kongs_attributes()
    {
        var balancer = Hashing("hash_on: cookie\nhash_on_cookie: sticky\nhash_on_cookie_path: /app");

        using var first = balancer.Select(new BalancerRequest())!;
        var cookie = Assert.IsType<HashCookie>(first.SetCookie);
        using var again = balancer.Select(new BalancerRequest { Headers = new HeaderDictionary { ["Cookie"] = $"sticky={cookie.Value}" } })!;

        Assert.True(Guid.TryParse(cookie.Value, out _));
        Assert.Equal($"sticky={cookie.Value}; Path=/app; Same-Site=Lax; HttpOnly", cookie.ToSetCookieHeader());
        Assert.Equal(first.Target, again.Target);
        Assert.Null(again.SetCookie);
    }

    [Fact]
    public void A_retry_hashes_the_same_value_and_keeps_the_generated_cookie()
    {
        var balancer = Hashing("hash_on: cookie\nhash_on_cookie: sticky");
        using var first = balancer.Select(new BalancerRequest())!;

        using var retry = balancer.Select(new BalancerRequest { Tried = [first] })!;

        Assert.Same(first.SetCookie, retry.SetCookie);
        Assert.NotEqual(first.Target, retry.Target);
    }

    [Fact]
    public void The_inputs_come_from_an_aspnet_core_request()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("203.0.113.5");
        context.Request.Path = "/a/b";
        context.Request.QueryString = new QueryString("?tenant=t1");
        context.Request.Headers["x-user"] = "u1";

        var request = BalancerRequest.From(context, consumerId: "c1", uriCaptures: new Dictionary<string, string> { ["id"] = "7" });

        Assert.Equal("203.0.113.5", Hash(Hashing("hash_on: ip"), request));
        Assert.Equal("/a/b", Hash(Hashing("hash_on: path"), request));
        Assert.Equal("t1", Hash(Hashing("hash_on: query_arg\nhash_on_query_arg: tenant"), request));
        Assert.Equal("u1", Hash(Hashing("hash_on: header\nhash_on_header: x-user"), request));
        Assert.Equal("c1", Hash(Hashing("hash_on: consumer"), request));
        Assert.Equal("7", Hash(Hashing("hash_on: uri_capture\nhash_on_uri_capture: id"), request));
    }

    [Fact]
    public void Path_hashes_on_the_request_path()
    {
        var balancer = Hashing("hash_on: path");

        Assert.Equal("/orders/42", Hash(balancer, new BalancerRequest { Path = "/orders/42", QueryString = "?x=1" }));
    }

    [Fact]
    public void Query_arg_hashes_on_the_argument_with_repeated_values_sorted_and_a_bare_argument_as_true()
    {
        var balancer = Hashing("hash_on: query_arg\nhash_on_query_arg: tenant\nhash_fallback: query_arg\nhash_fallback_query_arg: region");

        Assert.Equal("a,b", Hash(balancer, new BalancerRequest { QueryString = "?tenant=b&x=1&tenant=a" }));
        Assert.Equal("true", Hash(balancer, new BalancerRequest { QueryString = "?tenant" }));
        Assert.Equal("", Hash(balancer, new BalancerRequest { QueryString = "?tenant=" }));
        Assert.Equal("eu west", Hash(balancer, new BalancerRequest { QueryString = "region=eu%20west" }));
    }

    [Fact]
    public void Uri_capture_hashes_on_the_routes_capture_and_falls_back_to_another_capture()
    {
        var balancer = Hashing("hash_on: uri_capture\nhash_on_uri_capture: tenant\nhash_fallback: uri_capture\nhash_fallback_uri_capture: \"1\"");

        Assert.Equal("acme", Hash(balancer, new BalancerRequest { UriCaptures = new Dictionary<string, string> { ["tenant"] = "acme", ["1"] = "x" } }));
        Assert.Equal("x", Hash(balancer, new BalancerRequest { UriCaptures = new Dictionary<string, string> { ["1"] = "x" } }));
    }

    [Fact]
    public void The_fallback_is_used_when_the_first_source_yields_nothing()
    {
        var balancer = Hashing("hash_on: header\nhash_on_header: x-user\nhash_fallback: ip");

        using var viaHeader = balancer.Select(new BalancerRequest { Headers = new HeaderDictionary { ["x-user"] = "192.0.2.1" }, ClientIp = "198.51.100.1" })!;
        using var viaIp = balancer.Select(new BalancerRequest { ClientIp = "192.0.2.1" })!;

        Assert.Equal("192.0.2.1", Hash(balancer, new BalancerRequest { ClientIp = "192.0.2.1" }));
        Assert.Equal(viaHeader.Target, viaIp.Target);
    }

    [Fact]
    public void Requests_without_any_hash_input_all_go_to_one_target()
    {
        var balancer = Hashing("hash_on: header\nhash_on_header: x-user");

        var targets = Enumerable.Range(0, 50).Select(_ =>
        {
            using var selection = balancer.Select(new BalancerRequest())!;
            return selection.Target;
        }).Distinct();

        Assert.Single(targets);
    }

    [Fact]
    public void Setting_hash_on_switches_the_upstream_to_consistent_hashing()
    {
        var balancer = Hashing("hash_on: ip");

        Assert.Equal("consistent-hashing", balancer.Definition.Algorithm);
        Assert.IsType<ConsistentHashingAlgorithm>(balancer.Layout.Algorithm);
    }
}
