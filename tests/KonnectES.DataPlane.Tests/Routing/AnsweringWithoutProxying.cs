using System.Text.Json;
using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// The responses Kong produces itself around routing (kong/runloop/handler.lua access phase; reference §3.5):
/// 404 without route, https-only routes over plain http (426 or redirect), gRPC routes and non-gRPC requests, 503 without service.
/// </summary>
public sealed class AnsweringWithoutProxying
{
    private static readonly RouteTable Worked = KongSnapshots.CompileYaml(WorkedExample.Yaml);

    [Fact]
    public void No_route_is_404_with_kongs_message()
    {
        var response = KongRouterResponses.NoRouteMatched();

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("""{"message":"no Route matched with those values"}""", response.Body);
        Assert.Empty(response.Headers);
    }

    [Fact]
    public void A_request_id_is_added_to_the_body_when_given()
    {
        var body = JsonDocument.Parse(KongRouterResponses.NoRouteMatched("e1f2").Body!).RootElement;

        Assert.Equal(("no Route matched with those values", "e1f2"), (body.GetProperty("message").GetString(), body.GetProperty("request_id").GetString()));
    }

    [Fact]
    public void A_route_without_service_is_503()
    {
        var response = KongRouterResponses.NoService();

        Assert.Equal((503, """{"message":"no Service found with those values"}"""), (response.StatusCode, response.Body));
    }

    [Fact]
    public void An_https_only_route_redirects_plain_http_with_its_status_and_the_original_uri()
    {
        var (match, forwarded) = Matched("GET http://gw.test:8000/secure/x?y=1", "http");

        var response = KongRouterResponses.ForProtocol(match.Route, forwarded, "/secure/x?y=1", null, "1.1");

        Assert.Equal(301, response?.StatusCode);
        Assert.Equal([KeyValuePair.Create("Location", "https://gw.test/secure/x?y=1")], response!.Headers.ToArray());
        Assert.Null(response.Body);
    }

    [Fact]
    public void An_https_only_route_with_the_default_status_answers_426_with_upgrade_headers()
    {
        var route = new RouteInfo { Id = "r", Protocols = ["https"] };

        var response = KongRouterResponses.ForProtocol(route, Forwarded("http"), "/", null, "1.1");

        Assert.Equal((426, """{"message":"Please use HTTPS protocol"}"""), (response?.StatusCode, response?.Body));
        Assert.Equal([KeyValuePair.Create("Connection", "Upgrade"), KeyValuePair.Create("Upgrade", "TLS/1.2, HTTP/1.1")], response!.Headers.ToArray());
    }

    [Fact]
    public void Https_or_a_trusted_x_forwarded_proto_passes_an_https_only_route()
    {
        var (match, overTls) = Matched("GET https://gw.test/secure/x", "https");
        var trustedProxy = ForwardedHeaders.For(new ForwardedRequest
        {
            ClientAddress = "10.0.0.1", Trusted = true, Scheme = "http", Host = "gw.test", LocalPort = 8000, RequestUri = "/secure/x", XForwardedProto = "https",
        });

        Assert.Null(KongRouterResponses.ForProtocol(match.Route, overTls, "/secure/x", null, "1.1"));
        Assert.Null(KongRouterResponses.ForProtocol(match.Route, trustedProxy, "/secure/x", null, "1.1"));
    }

    [Fact]
    public void An_untrusted_x_forwarded_proto_does_not_count_as_https()
    {
        var (match, _) = Matched("GET http://gw.test/secure/x", "http");
        var forwarded = ForwardedHeaders.For(new ForwardedRequest
        {
            ClientAddress = "198.51.100.7", Scheme = "http", Host = "gw.test", LocalPort = 8000, RequestUri = "/secure/x", XForwardedProto = "https",
        });

        Assert.Equal(301, KongRouterResponses.ForProtocol(match.Route, forwarded, "/secure/x", null, "1.1")?.StatusCode);
    }

    [Theory]
    [InlineData(null, "2", 415, "Non-gRPC request matched gRPC route")]
    [InlineData("application/json", "2", 415, "Non-gRPC request matched gRPC route")]
    [InlineData("application/grpc", "1.1", 426, "Please use HTTP2 protocol")]
    public void A_grpc_route_rejects_what_is_not_grpc_over_http2(string? contentType, string version, int status, string message)
    {
        var route = new RouteInfo { Id = "g", Protocols = ["grpc", "grpcs"], StripPath = false };

        var response = KongRouterResponses.ForProtocol(route, Forwarded("http"), "/svc.Greeter/SayHello", contentType, version);

        Assert.Equal(status, response?.StatusCode);
        Assert.Equal(message, JsonDocument.Parse(response!.Body!).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void A_grpcs_only_route_answers_plain_grpc_with_grpc_status_1()
    {
        var route = new RouteInfo { Id = "g", Protocols = ["grpcs"], StripPath = false };

        var response = KongRouterResponses.ForProtocol(route, Forwarded("http"), "/svc.Greeter/SayHello", "application/grpc+proto", "2");

        Assert.Equal(200, response?.StatusCode);
        Assert.Contains(KeyValuePair.Create("grpc-status", "1"), response!.Headers.ToArray());
        Assert.Contains(KeyValuePair.Create("grpc-message", "gRPC request matched gRPCs route"), response.Headers);
        Assert.Null(KongRouterResponses.ForProtocol(route, Forwarded("https"), "/svc.Greeter/SayHello", "application/grpc", "2"));
    }

    [Fact]
    public void A_route_for_http_and_https_needs_no_protocol_answer()
    {
        var (match, forwarded) = Matched("GET http://gw.test/users/42", "http");

        Assert.Null(KongRouterResponses.ForProtocol(match.Route, forwarded, "/users/42", null, "1.1"));
    }

    private static (RouteMatch Match, ForwardedValues Forwarded) Matched(string request, string scheme)
    {
        var parsed = RequestLine.Parse(request);
        var match = Worked.Match(parsed)!;
        return (match, ForwardedHeaders.For(new ForwardedRequest
        {
            ClientAddress = "198.51.100.7", Scheme = scheme, Host = parsed.Host, LocalPort = parsed.LocalPort, RequestUri = parsed.Path, StrippedPrefix = match.StrippedPrefix,
        }));
    }

    private static ForwardedValues Forwarded(string scheme) => ForwardedHeaders.For(new ForwardedRequest
    {
        ClientAddress = "198.51.100.7", Scheme = scheme, Host = "gw.test", LocalPort = scheme == "https" ? 8443 : 8000, RequestUri = "/",
    });
}
