using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// The X-Forwarded-*, X-Real-IP and Via headers Kong sets upstream (kong/runloop/handler.lua access phase,
/// kong/templates/nginx_kong.lua): client values are believed only from trusted addresses; X-Forwarded-For always appends.
/// </summary>
public sealed class ComputingForwardedHeaders
{
    private static ForwardedRequest Request => new()
    {
        ClientAddress = "198.51.100.7",
        Scheme = "http",
        Host = "API.Example.com:8000",
        LocalPort = 8000,
        RequestUri = "/users/42?x=1",
    };

    [Fact]
    public void A_direct_client_gets_its_own_values_forwarded()
    {
        var values = ForwardedHeaders.For(Request);

        Assert.Equal(
            [
                KeyValuePair.Create("X-Forwarded-For", "198.51.100.7"),
                KeyValuePair.Create("X-Forwarded-Proto", "http"),
                KeyValuePair.Create("X-Forwarded-Host", "api.example.com"),
                KeyValuePair.Create("X-Forwarded-Port", "8000"),
                KeyValuePair.Create("X-Forwarded-Path", "/users/42"),
                KeyValuePair.Create("X-Real-IP", "198.51.100.7"),
                KeyValuePair.Create("Via", "1.1 kong/" + ForwardedHeaders.KongVersion),
            ],
            values.Headers());
    }

    [Fact]
    public void X_forwarded_for_appends_the_peer_even_when_the_peer_is_not_trusted()
    {
        var values = ForwardedHeaders.For(Request with { XForwardedFor = "203.0.113.1", XForwardedHost = "evil.test", XRealIp = "203.0.113.1" });

        Assert.Equal("203.0.113.1, 198.51.100.7", values.For);
        Assert.Equal(("api.example.com", "198.51.100.7"), (values.Host, values.RealIp));
    }

    [Fact]
    public void A_trusted_proxy_passes_its_forwarded_values_and_real_ip_on()
    {
        var values = ForwardedHeaders.For(Request with
        {
            Trusted = true,
            XForwardedFor = "203.0.113.1",
            XForwardedProto = "https",
            XForwardedHost = "shop.example.com",
            XForwardedPort = "443",
            XForwardedPath = "/shop/users/42",
            XForwardedPrefix = "/shop",
            XRealIp = "203.0.113.1",
        });

        Assert.Equal(
            ("203.0.113.1, 198.51.100.7", "https", "shop.example.com", "443", "/shop/users/42", "/shop", "203.0.113.1"),
            (values.For, values.Proto, values.Host, values.Port, values.Path, values.Prefix, values.RealIp));
    }

    [Theory]
    [InlineData("/users", "/users")]
    [InlineData("/", null)]
    [InlineData(null, null)]
    public void X_forwarded_prefix_is_what_strip_path_removed_unless_it_is_the_root(string? stripped, string? expected)
    {
        Assert.Equal(expected, ForwardedHeaders.For(Request with { StrippedPrefix = stripped }).Prefix);
    }

    [Fact]
    public void The_worked_example_sends_the_stripped_prefix()
    {
        var match = KongSnapshots.CompileYaml(WorkedExample.Yaml).Match(RequestLine.Parse("GET http://gw.test/users/42/profile"))!;

        var values = ForwardedHeaders.For(Request with { StrippedPrefix = match.StrippedPrefix });

        Assert.Equal("/users", values.Prefix);
    }

    [Fact]
    public void Via_appends_kong_with_the_client_http_version_to_an_incoming_via()
    {
        var values = ForwardedHeaders.For(Request with { Via = "1.1 edge-proxy", HttpVersion = "2" });

        Assert.Equal("1.1 edge-proxy, 2 kong/" + ForwardedHeaders.KongVersion, values.Via);
    }

    [Theory]
    [InlineData(null, "http", "1.1 kong/")]
    [InlineData("1.0 fred", "https", "1.0 fred, 1.1 kong/")]
    [InlineData(null, "grpc", "2 kong/")]
    public void The_response_via_names_the_upstream_http_version(string? upstreamVia, string protocol, string expectedStart)
    {
        Assert.Equal(expectedStart + ForwardedHeaders.KongVersion, ForwardedHeaders.ResponseVia(upstreamVia, protocol));
    }
}
