using System.Net;
using KonnectES.DataPlane.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>The router's inputs taken from an ASP.NET Core request: the raw target, not the decoded path.</summary>
public sealed class ReadingAspNetCoreRequests
{
    [Fact]
    public void The_route_request_uses_the_raw_target_host_and_local_port()
    {
        var context = Context("/users/%34%32?x=1");

        var request = HttpContextRouting.RouteRequestOf(context);
        var match = KongSnapshots.CompileYaml(WorkedExample.Yaml).Match(request);

        Assert.Equal(("GET", "/users/%34%32?x=1", "gw.test:8000", "http", 8000), (request.Method, request.Path, request.Host, request.Scheme, request.LocalPort));
        Assert.Equal(("R03", "/api/users/42?x=1"), (match?.Route.Name, match?.UpstreamUri));
    }

    [Fact]
    public void Without_a_raw_target_the_escaped_path_and_query_stand_in()
    {
        var context = Context(rawTarget: "");
        context.Request.Path = "/a b";
        context.Request.QueryString = new QueryString("?q=1");

        Assert.Equal("/a%20b?q=1", HttpContextRouting.RouteRequestOf(context).Path);
    }

    [Fact]
    public void The_forwarded_request_carries_the_peer_version_and_incoming_headers()
    {
        var context = Context("/users/42");
        context.Request.Protocol = "HTTP/2";
        context.Request.Headers.Append("X-Forwarded-For", "203.0.113.1");
        context.Request.Headers.Append("X-Forwarded-For", "203.0.113.2");
        context.Request.Headers["X-Forwarded-Proto"] = "https";

        var forwarded = HttpContextRouting.ForwardedRequestOf(context, trusted: true, strippedPrefix: "/users");
        var values = ForwardedHeaders.For(forwarded);

        Assert.Equal(("198.51.100.7", "2", "/users/42"), (forwarded.ClientAddress, forwarded.HttpVersion, forwarded.RequestUri));
        Assert.Equal(("203.0.113.1, 203.0.113.2, 198.51.100.7", "https", "gw.test", "8000", "/users"), (values.For, values.Proto, values.Host, values.Port, values.Prefix));
    }

    [Theory]
    [InlineData("HTTP/1.0", "1.0")]
    [InlineData("HTTP/1.1", "1.1")]
    [InlineData("HTTP/2", "2")]
    [InlineData("HTTP/3", "3")]
    public void The_http_version_is_printed_as_kong_prints_it(string protocol, string version)
    {
        Assert.Equal(version, HttpContextRouting.HttpVersionOf(protocol));
    }

    private static DefaultHttpContext Context(string rawTarget)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Protocol = "HTTP/1.1";
        context.Request.Headers.Host = "gw.test:8000";
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        context.Connection.LocalPort = 8000;
        context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.7");
        return context;
    }
}
