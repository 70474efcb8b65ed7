using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using KonnectES.EndToEnd.Tests.Support;

namespace KonnectES.EndToEnd.Tests;

/// <summary>A certificate and its SNI created through the portal's GraphQL API, served by a data-plane process on its TLS port.</summary>
public sealed class ServingHttpsThroughADataPlane(Platform platform) : IClassFixture<Platform>
{
    [Fact]
    public async Task A_certificate_and_sni_created_in_the_portal_answer_the_handshake_naming_it_and_the_request_reaches_the_upstream()
    {
        // Given an https-only route, then a certificate and its SNI created in the portal
        await platform.ConfigureAsync($"""
            _format_version: "3.0"
            services:
            - name: secure
              url: http://{platform.A.Address}/inside
              routes:
              - name: secure
                protocols: ["https"]
                hosts: ["secure.example.com"]
            """);
        using var key = RSA.Create(2048);
        using var made = new CertificateRequest("CN=secure.example.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));
        var certificate = (await platform.Portal.DataAsync(
            "mutation($i: CertificateInput!) { createCertificate(input: $i) { certificate { id } version errors { code message } } }",
            new { i = new { controlPlaneId = platform.ControlPlaneId, cert = made.ExportCertificatePem(), key = key.ExportPkcs8PrivateKeyPem() } }))
            .GetProperty("createCertificate");
        Assert.Equal(0, certificate.GetProperty("errors").GetArrayLength());
        var sni = (await platform.Portal.DataAsync(
            "mutation($i: SniInput!) { createSni(input: $i) { sni { id } version errors { code message } } }",
            new { i = new { controlPlaneId = platform.ControlPlaneId, name = "secure.example.com", certificateId = certificate.GetProperty("certificate").GetProperty("id").GetString() } }))
            .GetProperty("createSni");
        Assert.Equal(0, sni.GetProperty("errors").GetArrayLength());
        await platform.WaitForVersionAsync(sni.GetProperty("version").GetInt64());

        // When a client connects to the TLS port naming secure.example.com (curl --resolve, in effect)
        var served = new List<X509Certificate2>();
        using var client = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, platform.ProxySslPort, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                {
                    served.Add(X509CertificateLoader.LoadCertificate(presented!.GetRawCertData()));
                    return true;
                },
            },
        })
        { BaseAddress = new Uri($"https://secure.example.com:{platform.ProxySslPort}/"), Timeout = TimeSpan.FromSeconds(20) };
        using var response = await client.GetAsync(new Uri("/orders", UriKind.Relative));
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/orders");
        plain.Headers.Host = "secure.example.com";
        using var overHttp = await platform.Proxy.SendAsync(plain);

        // Then it gets the portal's certificate and the upstream's answer, told the request came over https
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(made.Thumbprint, served.Single().Thumbprint);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("a", echo.GetProperty("upstream").GetString());
        Assert.Equal("/inside/orders", echo.GetProperty("path").GetString());
        Assert.Equal("https", echo.GetProperty("headers").GetProperty("x-forwarded-proto").GetString());

        // and the same route over plain HTTP is told to use HTTPS
        Assert.Equal((HttpStatusCode)426, overHttp.StatusCode);
    }
}
