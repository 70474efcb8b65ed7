using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KonnectES.Domain.Tests;

/// <summary>Self-signed PEM pairs generated once per test run.</summary>
internal static class TestCertificates
{
    public static readonly (string Cert, string Key) Rsa = Create(RSA.Create(2048), "rsa.example.com");
    public static readonly (string Cert, string Key) OtherRsa = Create(RSA.Create(2048), "other.example.com");
    public static readonly (string Cert, string Key) Ecdsa = Create(ECDsa.Create(ECCurve.NamedCurves.nistP256), "ec.example.com");
    public static readonly string Ca = CreateCa();

    private static string CreateCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test Root CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        return cert.ExportCertificatePem();
    }

    private static (string, string) Create(AsymmetricAlgorithm key, string name)
    {
        var subject = new X500DistinguishedName("CN=" + name);
        var request = key switch
        {
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256),
            _ => throw new ArgumentException("unsupported key", nameof(key)),
        };
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return (cert.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
