namespace KonnectES.Domain;

/// <summary>
/// A consumer credential of one <see cref="CredentialKind"/>; only the fields of that kind are set.
/// Secrets (<see cref="Key"/> of key-auth, <see cref="Password"/>, <see cref="Secret"/>) are kept in
/// events; use <see cref="SecretMasking"/> before showing them.
/// </summary>
public sealed record Credential : ConfigEntity
{
    /// <summary>The kind.</summary>
    public CredentialKind Kind { get; init; }

    /// <summary>The owning consumer (credentials are deleted with it).</summary>
    public Guid ConsumerId { get; init; }

    /// <summary>key-auth key (secret) or jwt key (the <c>iss</c> lookup value).</summary>
    public string? Key { get; init; }

    /// <summary>key-auth expiry in seconds.</summary>
    public int? Ttl { get; init; }

    /// <summary>basic-auth / hmac-auth username.</summary>
    public string? Username { get; init; }

    /// <summary>basic-auth password (secret).</summary>
    public string? Password { get; init; }

    /// <summary>jwt / hmac-auth secret.</summary>
    public string? Secret { get; init; }

    /// <summary>jwt algorithm (HS256 default).</summary>
    public string? Algorithm { get; init; }

    /// <summary>jwt public key for RS*/PS*/EdDSA.</summary>
    public string? RsaPublicKey { get; init; }

    /// <summary>acl group.</summary>
    public string? Group { get; init; }

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.Credential;

    /// <inheritdoc />
    public override string? DisplayName => Kind switch
    {
        CredentialKind.BasicAuth or CredentialKind.HmacAuth => Username,
        CredentialKind.Jwt => Key,
        CredentialKind.Acl => Group,
        _ => null,
    };
}
