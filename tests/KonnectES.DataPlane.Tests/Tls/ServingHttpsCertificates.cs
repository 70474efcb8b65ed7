using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.DataPlane.Tests.Plugins;

namespace KonnectES.DataPlane.Tests.Tls;

public sealed class ServingHttpsCertificates
{
    [Fact]
    public async Task A_client_naming_an_sni_gets_the_certificate_bound_to_it()
    {
        // Given two certificates, each with its own SNI
        var api = TestCertificate.Rsa("api.example.com");
        var shop = TestCertificate.Ecdsa("shop.example.org");
        await using var proxy = await HttpsTestHost.StartAsync();
        var applied = await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            {api.Yaml("api.example.com")}
            {shop.Yaml("shop.example.org")}
            """);

        // When
        using var servedToApi = await proxy.HandshakeAsync("api.example.com");
        using var servedToShop = await proxy.HandshakeAsync("SHOP.example.org");

        // Then (server names compare without case)
        Assert.True(applied.IsSuccess, string.Join("; ", applied.Errors));
        Assert.Equal(api.Thumbprint, servedToApi.Thumbprint);
        Assert.Equal(shop.Thumbprint, servedToShop.Thumbprint);
    }

    [Theory]
    [InlineData("api.example.com", "exact")]
    [InlineData("www.example.com", "prefix")]
    [InlineData("deep.www.example.com", "default")]
    [InlineData("example.org", "suffix")]
    [InlineData("example.com.", "suffix")]
    [InlineData("other.test", "default")]
    public async Task An_exact_sni_wins_over_a_wildcard_and_wildcards_cover_one_label_at_the_front_or_the_back(string serverName, string expected)
    {
        // Given an exact name, a leading and a trailing wildcard
        var certificates = new Dictionary<string, TestCertificate>
        {
            ["exact"] = TestCertificate.Rsa("api.example.com"),
            ["prefix"] = TestCertificate.Rsa("*.example.com"),
            ["suffix"] = TestCertificate.Rsa("example.*"),
        };
        await using var proxy = await HttpsTestHost.StartAsync();
        var applied = await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            {certificates["exact"].Yaml("api.example.com")}
            {certificates["prefix"].Yaml("*.example.com")}
            {certificates["suffix"].Yaml("example.*")}
            """);

        // When
        using var served = await proxy.HandshakeAsync(serverName);

        // Then
        Assert.True(applied.IsSuccess, string.Join("; ", applied.Errors));
        if (expected == "default")
        {
            Assert.Equal(TestCertificate.DefaultSubject, served.Subject);
        }
        else
        {
            Assert.Equal(certificates[expected].Thumbprint, served.Thumbprint);
        }
    }

    [Fact]
    public async Task Without_a_matching_sni_or_any_sni_the_self_signed_localhost_certificate_is_served()
    {
        // Given a certificate for one name only
        var api = TestCertificate.Rsa("api.example.com");
        await using var proxy = await HttpsTestHost.StartAsync();
        using var beforeAnySnapshot = await proxy.HandshakeAsync("api.example.com");
        await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            {api.Yaml("api.example.com")}
            """);

        // When
        using var unknownName = await proxy.HandshakeAsync("unknown.example.com");
        using var noName = await proxy.HandshakeAsync(null);

        // Then the same default certificate answers, self-signed with Kong's subject
        Assert.Equal(TestCertificate.DefaultSubject, unknownName.Subject);
        Assert.Equal(unknownName.Subject, unknownName.Issuer);
        Assert.Equal(unknownName.Thumbprint, noName.Thumbprint);
        Assert.Equal(unknownName.Thumbprint, beforeAnySnapshot.Thumbprint);
    }

    [Fact]
    public async Task The_default_certificate_is_made_once_and_kept_in_the_data_directory_across_restarts()
    {
        // Given a data directory
        var directory = Directory.CreateTempSubdirectory("konnectes-tls").FullName;
        try
        {
            string first;
            await using (var proxy = await HttpsTestHost.StartAsync(directory))
            {
                using var served = await proxy.HandshakeAsync(null);
                first = served.Thumbprint;
            }

            // When the data plane starts again
            await using var restarted = await HttpsTestHost.StartAsync(directory);
            using var again = await restarted.HandshakeAsync(null);

            // Then it serves the certificate it made the first time, kept as PEM with an owner-only key
            Assert.Equal(first, again.Thumbprint);
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(Path.Combine(directory, "default.crt")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "default.key")));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_new_snapshot_changes_the_certificate_new_handshakes_get()
    {
        // Given a certificate served for a name
        var before = TestCertificate.Rsa("api.example.com");
        var after = TestCertificate.Rsa("api.example.com");
        await using var proxy = await HttpsTestHost.StartAsync();
        await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            {before.Yaml("api.example.com")}
            """);
        using var first = await proxy.HandshakeAsync("api.example.com");

        // When a snapshot binds the name to another certificate
        var swapped = await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            {after.Yaml("api.example.com")}
            """);
        using var second = await proxy.HandshakeAsync("api.example.com");

        // Then
        Assert.True(swapped.IsSuccess, string.Join("; ", swapped.Errors));
        Assert.Equal(before.Thumbprint, first.Thumbprint);
        Assert.Equal(after.Thumbprint, second.Thumbprint);
    }

    [Theory]
    [InlineData("cert", "invalid certificate")]
    [InlineData("key", "invalid key")]
    public async Task A_snapshot_with_a_certificate_that_does_not_load_is_refused_and_the_old_certificates_keep_serving(string field, string error)
    {
        // Given a served certificate
        var served = TestCertificate.Rsa("api.example.com");
        await using var proxy = await HttpsTestHost.StartAsync();
        await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            {served.Yaml("api.example.com")}
            """);
        var current = proxy.Holder.Current;

        // When a snapshot (as the control plane makes it) arrives with a broken PEM body, or another certificate's key
        var replacement = TestCertificate.Rsa("api.example.com");
        var document = JsonNode.Parse(KongSnapshot.FromYaml($"""
            _format_version: "3.0"
            certificates:
            {replacement.Yaml("api.example.com")}
            """).GetRawText())!;
        var certificate = document["certificates"]![0]!;
        certificate[field] = field == "cert"
            ? replacement.CertPem.Replace("MII", "M!I", StringComparison.Ordinal)
            : TestCertificate.Rsa("someone.else").KeyPem;
        var refused = await proxy.ApplyAsync(JsonDocument.Parse(document.ToJsonString()).RootElement.Clone());
        using var afterwards = await proxy.HandshakeAsync("api.example.com");

        // Then it is refused with the reason, and the previous certificate still answers
        Assert.False(refused.IsSuccess);
        Assert.Contains(refused.Errors, e => e.StartsWith($"certificate {certificate["id"]}: {field}: {error}", StringComparison.Ordinal));
        Assert.Same(current, proxy.Holder.Current);
        Assert.Equal(served.Thumbprint, afterwards.Thumbprint);
    }

    [Fact]
    public async Task A_certificate_with_an_alternate_ecdsa_pair_is_served_by_its_primary_pair()
    {
        // Given an RSA certificate with an ECDSA alternate
        var rsa = TestCertificate.Rsa("dual.example.com");
        var ecdsa = TestCertificate.Ecdsa("dual.example.com");
        await using var proxy = await HttpsTestHost.StartAsync();
        var applied = await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            - cert: {JsonSerializer.Serialize(rsa.CertPem)}
              key: {JsonSerializer.Serialize(rsa.KeyPem)}
              cert_alt: {JsonSerializer.Serialize(ecdsa.CertPem)}
              key_alt: {JsonSerializer.Serialize(ecdsa.KeyPem)}
              snis: ["dual.example.com"]
            """);

        // When
        using var served = await proxy.HandshakeAsync("dual.example.com");

        // Then
        Assert.True(applied.IsSuccess, string.Join("; ", applied.Errors));
        Assert.Equal(rsa.Thumbprint, served.Thumbprint);
        Assert.Equal(ecdsa.Thumbprint, proxy.Holder.Current.Certificates.Find("dual.example.com")!.Alternate!.Thumbprint);
    }

    [Fact]
    public async Task An_unchanged_certificate_is_taken_over_by_the_next_snapshot_without_being_parsed_again()
    {
        // Given a served certificate
        var api = TestCertificate.Rsa("api.example.com");
        var id = Guid.NewGuid();
        await using var proxy = await HttpsTestHost.StartAsync();
        await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            {api.Yaml(id, "api.example.com")}
            """);
        var before = proxy.Holder.Current.Certificates.Find("api.example.com");

        // When a snapshot changes something else
        var applied = await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            {api.Yaml(id, "api.example.com", "www.example.com")}
            services:
            - name: other
              url: http://127.0.0.1:9/
            """);

        // Then the compiled certificate is the same object, now under both names
        Assert.True(applied.IsSuccess, string.Join("; ", applied.Errors));
        Assert.NotNull(before);
        Assert.Same(before, proxy.Holder.Current.Certificates.Find("api.example.com"));
        Assert.Same(before, proxy.Holder.Current.Certificates.Find("www.example.com"));
    }

    [Fact]
    public async Task A_certificate_given_with_its_intermediate_is_served_with_the_intermediate()
    {
        // Given a leaf signed by an intermediate signed by a root, the cert field holding leaf then intermediate
        var now = DateTimeOffset.UtcNow;
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Test Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        using var intermediateKey = RSA.Create(2048);
        var intermediateRequest = new CertificateRequest("CN=Test Intermediate", intermediateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var intermediate = intermediateRequest.Create(root, now.AddMinutes(-5), now.AddDays(30), [1, 2, 3, 4]);
        using var leafKey = RSA.Create(2048);
        using var leaf = new CertificateRequest("CN=chained.example.com", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .Create(intermediate.CopyWithPrivateKey(intermediateKey), now.AddMinutes(-5), now.AddDays(30), [5, 6, 7, 8]);
        await using var proxy = await HttpsTestHost.StartAsync();
        var applied = await proxy.ApplyAsync($"""
            _format_version: "3.0"
            certificates:
            - cert: {JsonSerializer.Serialize(leaf.ExportCertificatePem() + "\n" + intermediate.ExportCertificatePem())}
              key: {JsonSerializer.Serialize(leafKey.ExportPkcs8PrivateKeyPem())}
              snis: ["chained.example.com"]
            """);

        // When
        var sent = new List<string>();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, proxy.SecurePort);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "chained.example.com",
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                sent.Add(certificate!.GetCertHashString());
                sent.AddRange(chain!.ChainPolicy.ExtraStore.Select(c => c.Thumbprint));
                return true;
            },
        });

        // Then the handshake carries the leaf and the intermediate (the client holds the root)
        Assert.True(applied.IsSuccess, string.Join("; ", applied.Errors));
        Assert.Equal(leaf.Thumbprint, sent[0]);
        Assert.Contains(intermediate.Thumbprint, sent);
        Assert.DoesNotContain(root.Thumbprint, sent);
    }
}
