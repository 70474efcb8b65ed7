using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace KonnectES.DataPlane.Tests.Tls;

/// <summary>A self-signed certificate made for a test, as the PEM pair a Kong certificate entity holds.</summary>
internal sealed record TestCertificate(string CertPem, string KeyPem, string Thumbprint, string Subject)
{
    /// <summary>The subject of the data plane's default certificate as .NET prints a served certificate's.</summary>
    public static string DefaultSubject { get; } =
        new X500DistinguishedName(new X500DistinguishedName(KonnectES.DataPlane.Tls.DefaultCertificate.Subject).RawData).Name;

    public static TestCertificate Rsa(string commonName)
    {
        using var key = RSA.Create(2048);
        return From(new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), key.ExportPkcs8PrivateKeyPem());
    }

    public static TestCertificate Ecdsa(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return From(new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A <c>certificates</c> entry of Kong YAML with these SNIs (PEM as JSON strings, which YAML reads as they are).</summary>
    public string Yaml(params string[] snis) => Yaml(Guid.NewGuid(), snis);

    /// <summary>The entry with its id, as a control plane keeps it from one version to the next.</summary>
    public string Yaml(Guid id, params string[] snis) => $"""
        - id: {id}
          cert: {JsonSerializer.Serialize(CertPem)}
          key: {JsonSerializer.Serialize(KeyPem)}
          snis: [{string.Join(", ", snis.Select(s => JsonSerializer.Serialize(s)))}]
        """;

    private static TestCertificate From(CertificateRequest request, string keyPem)
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        return new TestCertificate(certificate.ExportCertificatePem(), keyPem, certificate.Thumbprint, certificate.Subject);
    }
}
