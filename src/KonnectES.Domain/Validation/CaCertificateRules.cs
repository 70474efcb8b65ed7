using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KonnectES.Domain;

/// <summary>
/// kong/db/schema/entities/ca_certificates.lua: exactly one PEM certificate carrying the CA basic
/// constraint; derives <c>cert_digest</c>. Kong also refuses expired CA certificates; that check needs
/// a clock, so the host makes it (Decide stays pure).
/// </summary>
internal static class CaCertificateRules
{
    public static CaCertificate Normalize(CaCertificate c, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(c.Cert))
        {
            errors.Add(DomainError.Invalid("required field missing", "cert"));
            return c;
        }

        if (c.Cert.Split("-----BEGIN CERTIFICATE-----").Length - 1 != 1)
        {
            errors.Add(DomainError.Invalid("please submit only one certificate at a time", "cert"));
            return c;
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPem(c.Cert);
            var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
            if (constraints is not { CertificateAuthority: true })
            {
                errors.Add(DomainError.Invalid("certificate does not appear to be a CA because it is missing the \"CA\" basic constraint", "cert"));
            }

            return c with { CertDigest = Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)) };
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            errors.Add(DomainError.Invalid("invalid certificate: unable to load certificate", "cert"));
            return c;
        }
    }
}
