namespace KonnectES.Domain;

/// <summary>A server name bound to a certificate; unique across the control plane.</summary>
public sealed record Sni : ConfigEntity
{
    /// <summary>Hostname, optionally with one leading or trailing <c>*</c> label.</summary>
    public string Name { get; init; } = "";

    /// <summary>The certificate (SNIs are deleted with it).</summary>
    public Guid CertificateId { get; init; }

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.Sni;

    /// <inheritdoc />
    public override string? DisplayName => Name;
}
