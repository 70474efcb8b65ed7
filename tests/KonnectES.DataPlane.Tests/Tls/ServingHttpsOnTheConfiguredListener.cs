using System.Net;
using System.Security.Cryptography.X509Certificates;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Tests.Proxy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Tests.Tls;

public sealed class ServingHttpsOnTheConfiguredListener
{
    [Theory]
    [InlineData(null, "https://0.0.0.0:8443")]
    [InlineData("https://127.0.0.1:9443", "https://127.0.0.1:9443")]
    [InlineData("127.0.0.1:9443", "https://127.0.0.1:9443")]
    [InlineData("0.0.0.0:9443 ssl", "https://0.0.0.0:9443")]
    [InlineData("off", null)]
    [InlineData("OFF", null)]
    public void KONNECTES_PROXY_SSL_LISTEN_sets_the_tls_proxy_address_or_turns_it_off(string? setting, string? expected)
    {
        // When
        var options = new ProxyOptions().FromSettings(name => name == "KONNECTES_PROXY_SSL_LISTEN" ? setting : null);

        // Then
        Assert.Equal(expected, options.ProxySslUrl);
        Assert.Equal(expected is null ? ["http://0.0.0.0:8000", "http://0.0.0.0:8100"] : ["http://0.0.0.0:8000", expected, "http://0.0.0.0:8100"], options.Urls);
        Assert.Equal(expected is null ? null : new Uri(expected).Port, options.ProxySslPort);
    }

    [Fact]
    public async Task A_data_plane_serves_its_proxy_over_tls_on_the_configured_address_with_the_default_certificate_kept_in_its_data_directory()
    {
        // Given a data plane configured from its settings, its control plane unreachable
        var dataDirectory = Directory.CreateTempSubdirectory("konnectes-dp").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["KONNECTES_PROXY_LISTEN"] = $"http://127.0.0.1:{EchoServer.FreePort()}",
            ["KONNECTES_PROXY_SSL_LISTEN"] = $"127.0.0.1:{EchoServer.FreePort()} ssl",
            ["KONNECTES_STATUS_LISTEN"] = $"http://127.0.0.1:{EchoServer.FreePort()}",
            ["KONNECTES_CLUSTER_URL"] = $"http://127.0.0.1:{EchoServer.FreePort()}",
            ["KONNECTES_DP_TOKEN"] = "kdp_unused",
            ["KONNECTES_DATA_DIR"] = dataDirectory,
        };
        var proxy = new ProxyOptions().FromSettings(name => settings.GetValueOrDefault(name));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls(proxy.Urls);
        builder.Services.AddDataPlane(proxy, o => o.FromSettings(name => settings.GetValueOrDefault(name)));
        try
        {
            await using var app = builder.Build();
            app.UseDataPlane();
            await app.StartAsync();
            var served = new List<X509Certificate2>();

            // When
            using var client = HttpsTestHost.Secure(proxy.ProxySslPort!.Value, "api.example.com", served);
            using var response = await client.GetAsync(new Uri("/anything", UriKind.Relative));

            // Then the proxy answers over TLS (Kong's 404 before any snapshot) with the default certificate, made in ssl/
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("kong/3.10.0", response.Headers.Server.ToString());
            Assert.Equal(TestCertificate.DefaultSubject, served.Single().Subject);
            using var stored = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(dataDirectory, "ssl", "default.crt")));
            Assert.Equal(stored.Thumbprint, served.Single().Thumbprint);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
