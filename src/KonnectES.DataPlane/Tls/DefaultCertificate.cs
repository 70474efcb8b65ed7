using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Tls;

/// <summary>
/// The certificate served when no SNI matches or the client sends none: like Kong's <c>kong_default</c> certificate, a
/// self-signed RSA one for <c>CN=localhost</c>, made once and kept in a directory (so it stays the same across
/// restarts) or, without one, in memory for the life of the process.
/// </summary>
internal sealed partial class DefaultCertificate
{
    /// <summary>The subject Kong gives its default certificate.</summary>
    public const string Subject = "C=US, ST=California, L=San Francisco, O=Kong, OU=IT Department, CN=localhost";

    private const string CertificateFile = "default.crt";
    private const string KeyFile = "default.key";

    private readonly Lazy<ServedCertificate> _certificate;

    /// <summary>A default certificate read from or written to <paramref name="directory"/> (null: in memory) on first use.</summary>
    public DefaultCertificate(string? directory, ILogger<DefaultCertificate> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _certificate = new Lazy<ServedCertificate>(() => ServedCertificate.FromCertificate(LoadOrCreate(directory, logger)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The certificate; made (or read) on the first call.</summary>
    public ServedCertificate Certificate => _certificate.Value;

    /// <summary>A new self-signed certificate with Kong's default subject, valid for 20 years from now.</summary>
    public static X509Certificate2 Create(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(Subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = time.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(20));
    }

    private static X509Certificate2 LoadOrCreate(string? directory, ILogger logger)
    {
        if (directory is null)
        {
            return Create(TimeProvider.System);
        }

        var certificatePath = Path.Combine(directory, CertificateFile);
        var keyPath = Path.Combine(directory, KeyFile);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            try
            {
                var stored = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
                LogLoaded(logger, certificatePath);
                return stored;
            }
            catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
            {
                LogUnreadable(logger, certificatePath, exception.Message);
            }
        }

        var created = Create(TimeProvider.System);
        try
        {
            Directory.CreateDirectory(directory);
            using (var rsa = created.GetRSAPrivateKey()!)
            {
                Write(keyPath, rsa.ExportPkcs8PrivateKeyPem(), secret: true);
            }

            Write(certificatePath, created.ExportCertificatePem(), secret: false);
            LogCreated(logger, certificatePath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Serving TLS matters more than keeping the certificate: this one lasts until the process ends.
            LogNotKept(logger, directory, exception.Message);
        }

        return created;
    }

    // Written aside then moved, so a crash never leaves half a file; the key readable by the owner only.
    private static void Write(string path, string pem, bool secret)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, pem + "\n");
        if (secret && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    [LoggerMessage(EventId = 5801, Level = LogLevel.Information, Message = "Default TLS certificate read from {Path}")]
    private static partial void LogLoaded(ILogger logger, string path);

    [LoggerMessage(EventId = 5802, Level = LogLevel.Information, Message = "Default TLS certificate (CN=localhost, self-signed) created in {Path}")]
    private static partial void LogCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 5803, Level = LogLevel.Warning, Message = "Default TLS certificate {Path} cannot be read ({Error}); a new one replaces it")]
    private static partial void LogUnreadable(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 5804, Level = LogLevel.Warning, Message = "Default TLS certificate cannot be kept in {Directory} ({Error}); a new one is made at each start")]
    private static partial void LogNotKept(ILogger logger, string directory, string error);
}
