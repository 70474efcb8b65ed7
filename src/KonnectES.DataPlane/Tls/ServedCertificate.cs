using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KonnectES.DataPlane.Tls;

/// <summary>
/// A certificate ready for handshakes: the leaf with its private key and the chain context SslStream sends, built once
/// (offline, from the intermediates given with it) so a handshake only picks it.
/// </summary>
internal sealed class ServedCertificate
{
    private ServedCertificate(string? id, X509Certificate2 certificate, SslStreamCertificateContext context, X509Certificate2? alternate)
    {
        Id = id;
        Certificate = certificate;
        Context = context;
        Alternate = alternate;
    }

    /// <summary>The snapshot's certificate id; null for the data plane's default certificate.</summary>
    public string? Id { get; }

    /// <summary>The leaf certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>What SslStream serves: the leaf and its intermediates.</summary>
    public SslStreamCertificateContext Context { get; }

    /// <summary>
    /// The <c>cert_alt</c>/<c>key_alt</c> pair (e.g. ECDSA next to RSA), checked when compiled. Kong lets OpenSSL pick
    /// one of the two by the client's ciphers; SslStream takes one certificate per handshake, so the primary is served.
    /// </summary>
    public X509Certificate2? Alternate { get; }

    /// <summary>
    /// Reads a PEM certificate (leaf first, then any intermediates) and its PEM private key.
    /// </summary>
    /// <exception cref="FormatException">The certificate or the key cannot be read, or they do not match.</exception>
    public static ServedCertificate FromPem(string? id, string cert, string key, string? certAlt = null, string? keyAlt = null)
    {
        var (leaf, intermediates) = Load(cert, key, "cert", "key");
        X509Certificate2? alternate = null;
        if (certAlt is not null || keyAlt is not null)
        {
            if (certAlt is null || keyAlt is null)
            {
                throw new FormatException("cert_alt: all or none of 'cert_alt', 'key_alt' must be set");
            }

            alternate = Load(certAlt, keyAlt, "cert_alt", "key_alt").Leaf;
        }

        return new ServedCertificate(id, leaf, SslStreamCertificateContext.Create(leaf, intermediates, offline: true), alternate);
    }

    /// <summary>Wraps a certificate that already has its private key (the default certificate).</summary>
    public static ServedCertificate FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new ServedCertificate(null, certificate, SslStreamCertificateContext.Create(certificate, null, offline: true), null);
    }

    private static (X509Certificate2 Leaf, X509Certificate2Collection Intermediates) Load(string cert, string key, string certField, string keyField)
    {
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPem(cert);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            throw new FormatException($"{certField}: invalid certificate: unable to load certificate ({exception.Message})", exception);
        }

        if (chain.Count == 0)
        {
            throw new FormatException($"{certField}: invalid certificate: unable to load certificate (no PEM certificate found)");
        }

        X509Certificate2 leaf;
        try
        {
            leaf = X509Certificate2.CreateFromPem(cert, key);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            throw new FormatException($"{keyField}: invalid key: unable to load private key or it does not match the certificate ({exception.Message})", exception);
        }

        if (OperatingSystem.IsWindows())
        {
            // SChannel cannot use the ephemeral key of a PEM import; a PKCS#12 round trip persists it for the process.
            using var ephemeral = leaf;
            leaf = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }

        chain.RemoveAt(0);
        return (leaf, chain);
    }
}
