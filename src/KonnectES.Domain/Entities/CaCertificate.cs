namespace KonnectES.Domain;

/// <summary>A trusted CA certificate (Kong <c>ca_certificates</c>) that https/tls services can verify upstreams against.</summary>
public sealed record CaCertificate : ConfigEntity
{
    /// <summary>Exactly one PEM certificate with the CA basic constraint.</summary>
    public string Cert { get; init; } = "";

    /// <summary>Derived: hex SHA-256 of the certificate (DER); unique per control plane.</summary>
    public string CertDigest { get; init; } = "";

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.CaCertificate;

    /// <inheritdoc />
    public override string? DisplayName => CertDigest;
}
