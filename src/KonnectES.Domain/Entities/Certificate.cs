namespace KonnectES.Domain;

/// <summary>A TLS certificate and its private key (PEM), optionally an alternate pair of another key type.</summary>
public sealed record Certificate : ConfigEntity
{
    /// <summary>PEM certificate (chain allowed).</summary>
    public string Cert { get; init; } = "";

    /// <summary>PEM private key matching <see cref="Cert"/>. Secret: mask it for display.</summary>
    public string Key { get; init; } = "";

    /// <summary>Alternate PEM certificate (e.g. ECDSA next to RSA).</summary>
    public string? CertAlt { get; init; }

    /// <summary>Alternate private key. Secret.</summary>
    public string? KeyAlt { get; init; }

    /// <summary>Derived: <c>sha256:</c> + hex SHA-256 of the public key (SubjectPublicKeyInfo); safe to show.</summary>
    public string KeyFingerprint { get; init; } = "";

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.Certificate;

    /// <inheritdoc />
    public override string? DisplayName => KeyFingerprint;
}
