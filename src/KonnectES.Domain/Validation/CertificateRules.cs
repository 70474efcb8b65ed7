using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KonnectES.Domain;

/// <summary>kong/db/schema/entities/certificates.lua: PEM pairs that parse and match; derives the key fingerprint.</summary>
internal static class CertificateRules
{
    public static Certificate Normalize(Certificate c, List<DomainError> errors)
    {
        var (fingerprint, algorithm) = Load(c.Cert, c.Key, "cert", "key", errors);
        if (c.CertAlt is null != c.KeyAlt is null)
        {
            errors.Add(DomainError.Invalid("all or none of these fields must be set: 'cert_alt', 'key_alt'", c.CertAlt is null ? "cert_alt" : "key_alt"));
        }
        else if (c.CertAlt is not null)
        {
            var (_, altAlgorithm) = Load(c.CertAlt, c.KeyAlt!, "cert_alt", "key_alt", errors);
            if (algorithm is not null && algorithm == altAlgorithm)
            {
                errors.Add(DomainError.Invalid("certificate and alternative certificate need to have different type (e.g. RSA and ECDSA)", "cert_alt"));
            }
        }

        return c with { KeyFingerprint = fingerprint ?? "" };
    }

    /// <summary><c>sha256:</c> + hex of the SHA-256 of the certificate's SubjectPublicKeyInfo.</summary>
    public static string Fingerprint(X509Certificate2 certificate) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    private static (string? Fingerprint, string? Algorithm) Load(string cert, string key, string certField, string keyField, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(cert))
        {
            errors.Add(DomainError.Invalid("required field missing", certField));
            return (null, null);
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add(DomainError.Invalid("required field missing", keyField));
            return (null, null);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(cert);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            errors.Add(DomainError.Invalid("invalid certificate: unable to load certificate", certField));
            return (null, null);
        }

        using (certificate)
        {
            try
            {
                using var withKey = X509Certificate2.CreateFromPem(cert, key);
                return (Fingerprint(certificate), certificate.PublicKey.Oid.Value);
            }
            catch (CryptographicException)
            {
                errors.Add(DomainError.Invalid(IsKey(key) ? "certificate does not match key" : "invalid key: unable to load private key", keyField));
                return (null, null);
            }
            catch (ArgumentException)
            {
                errors.Add(DomainError.Invalid("invalid key: unable to load private key", keyField));
                return (null, null);
            }
        }
    }

    private static bool IsKey(string pem) => PemEncoding.TryFind(pem, out var fields) && pem[fields.Label].Contains("PRIVATE KEY", StringComparison.Ordinal);
}
