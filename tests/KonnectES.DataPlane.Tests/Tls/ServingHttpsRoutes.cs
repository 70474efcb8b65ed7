using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using KonnectES.DataPlane.Tests.Proxy;

namespace KonnectES.DataPlane.Tests.Tls;

public sealed class ServingHttpsRoutes
{
    [Fact]
    public async Task A_route_with_snis_matches_only_tls_requests_naming_one_of_them()
    {
        // Given a route that matches on the TLS server name alone, and its certificate
        var secure = TestCertificate.Rsa("secure.example.com");
        await using var upstream = await EchoServer.StartAsync();
        await using var proxy = await HttpsTestHost.StartAsync();
        var applied = await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            {secure.Yaml("secure.example.com")}
            services:
            - name: echo
              url: http://127.0.0.1:{upstream.Port}/sni
              routes:
              - name: by-sni
                protocols: ["https"]
                snis: ["secure.example.com"]
            """);
        var served = new List<X509Certificate2>();
        using var named = proxy.Secure("secure.example.com", served);
        using var other = proxy.Secure("other.example.com", served);

        // When
        using var matched = await named.GetAsync(new Uri("/x", UriKind.Relative));
        using var unmatched = await other.GetAsync(new Uri("/x", UriKind.Relative));

        // Then the named SNI reaches the upstream with its certificate; another name gets Kong's 404 and the default one
        Assert.True(applied.IsSuccess, string.Join("; ", applied.Errors));
        Assert.Equal(HttpStatusCode.OK, matched.StatusCode);
        Assert.Equal("/sni/x", JsonDocument.Parse(await matched.Content.ReadAsStringAsync()).RootElement.GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unmatched.StatusCode);
        Assert.Equal("no Route matched with those values", JsonDocument.Parse(await unmatched.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Equal(secure.Thumbprint, served[0].Thumbprint);
        Assert.Equal(TestCertificate.DefaultSubject, served[1].Subject);
    }

    [Fact]
    public async Task An_https_only_route_answers_426_over_plain_http_and_proxies_over_https_with_X_Forwarded_Proto_https()
    {
        // Given a route for https only
        await using var upstream = await EchoServer.StartAsync();
        await using var proxy = await HttpsTestHost.StartAsync();
        await proxy.ApplyAsync($"""
            _format_version: "3.0"
            services:
            - name: echo
              url: http://127.0.0.1:{upstream.Port}
              routes:
              - name: https-only
                protocols: ["https"]
                paths: ["/secure"]
            """);
        var served = new List<X509Certificate2>();
        using var secure = proxy.Secure("gw.example.com", served);

        // When
        using var plain = await proxy.Plain.GetAsync(new Uri("/secure/x", UriKind.Relative));
        using var tls = await secure.GetAsync(new Uri("/secure/x", UriKind.Relative));

        // Then plain HTTP is told to upgrade, as Kong does
        Assert.Equal((HttpStatusCode)426, plain.StatusCode);
        Assert.Equal("Please use HTTPS protocol", JsonDocument.Parse(await plain.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Equal("TLS/1.2, HTTP/1.1", plain.Headers.Upgrade.ToString());
        Assert.Contains("Upgrade", plain.Headers.Connection);

        // and TLS is proxied, the upstream told the client came over https on the TLS port
        Assert.Equal(HttpStatusCode.OK, tls.StatusCode);
        var headers = JsonDocument.Parse(await tls.Content.ReadAsStringAsync()).RootElement.GetProperty("headers");
        Assert.Equal("https", headers.GetProperty("x-forwarded-proto").GetString());
        Assert.Equal(proxy.SecurePort.ToString(System.Globalization.CultureInfo.InvariantCulture), headers.GetProperty("x-forwarded-port").GetString());
        Assert.Equal("gw.example.com", headers.GetProperty("x-forwarded-host").GetString());
    }
}
