namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// The route and service fields a match carries come from the snapshot as SnapshotDocument writes it
/// (snake_case fields, foreign keys as ids, defaults left out), and the upstream Host follows Kong's rules.
/// </summary>
public sealed class ReadingTheSnapshot
{
    private const string Yaml = """
        _format_version: "3.0"
        upstreams:
        - name: pool.internal
          host_header: pool.example.com
          targets:
          - target: 10.0.0.7:8443
        - name: plain-pool.internal
        services:
        - name: tuned
          protocol: https
          host: secure.internal
          port: 443
          path: /base
          retries: 2
          connect_timeout: 1500
          read_timeout: 2500
          write_timeout: 3500
          tags: [team-a]
          routes:
          - name: detailed
            paths: [/detailed]
            protocols: [https]
            https_redirect_status_code: 308
            strip_path: false
            path_handling: v1
            request_buffering: false
            response_buffering: false
            tags: [edge, public]
        - name: pooled
          protocol: https
          host: pool.internal
          port: 443
          routes:
          - name: pooled-route
            paths: [/pooled]
        - name: plain-pooled
          host: plain-pool.internal
          routes:
          - name: plain-pooled-route
            paths: [/plain-pooled]
        """;

    [Fact]
    public void A_match_carries_the_route_and_service_fields()
    {
        var match = KongSnapshots.CompileYaml(Yaml).Match(RequestLine.Parse("GET https://gw.test/detailed/x"))!;

        var route = match.Route;
        Assert.Equal(("detailed", false, "v1", false, false, 308), (route.Name, route.StripPath, route.PathHandling, route.RequestBuffering, route.ResponseBuffering, route.HttpsRedirectStatusCode));
        Assert.Equal(["https"], route.Protocols.ToArray());
        Assert.Equal(["edge", "public"], route.Tags.Order().ToArray());
        Assert.True(route.HttpsOnly);
        var service = match.Service!;
        Assert.Equal(("tuned", "https", "secure.internal", 443, "/base"), (service.Name, service.Protocol, service.Host, service.Port, service.Path));
        Assert.Equal((2, 1500, 2500, 3500), (service.Retries, service.ConnectTimeout, service.ReadTimeout, service.WriteTimeout));
        Assert.Null(service.Upstream);
        Assert.Equal(("/base/detailed/x", "secure.internal"), (match.UpstreamUri, match.UpstreamHostHeader));
    }

    [Fact]
    public void A_service_on_an_upstream_leaves_the_host_to_the_target_or_the_upstream_host_header()
    {
        var table = KongSnapshots.CompileYaml(Yaml);
        var pooled = table.Match(RequestLine.Parse("GET https://gw.test/pooled/a"))!;
        var plain = table.Match(RequestLine.Parse("GET https://gw.test/plain-pooled/a"))!;

        Assert.Equal("pool.internal", pooled.Service!.Upstream?.Name);
        Assert.Null(pooled.UpstreamHostHeader);
        Assert.Equal("pool.example.com:8443", pooled.HostHeaderFor("10.0.0.7", 8443));
        Assert.Equal("pool.example.com", pooled.HostHeaderFor("10.0.0.7", 443));
        Assert.Equal("10.0.0.9:8080", plain.HostHeaderFor("10.0.0.9", 8080));
        Assert.Equal("[fd00::9]", plain.HostHeaderFor("fd00::9", 80));
    }

    [Fact]
    public void Preserve_host_sends_the_client_host_as_sent_even_to_a_target()
    {
        var match = KongSnapshots.CompileYaml(WorkedExample.Yaml).Match(RequestLine.Parse("GET http://API.example.com:8000/orders/7"))!;

        Assert.Equal("API.example.com:8000", match.UpstreamHostHeader);
        Assert.Equal("API.example.com:8000", match.HostHeaderFor("10.1.1.1", 8080));
    }
}
