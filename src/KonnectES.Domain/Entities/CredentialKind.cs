namespace KonnectES.Domain;

/// <summary>The plugin-owned credential kinds.</summary>
public enum CredentialKind
{
    /// <summary>key-auth (<c>keyauth_credentials</c>): <c>key</c>, optional <c>ttl</c>.</summary>
    KeyAuth,
    /// <summary>basic-auth (<c>basicauth_credentials</c>): <c>username</c>, <c>password</c>.</summary>
    BasicAuth,
    /// <summary>jwt (<c>jwt_secrets</c>): <c>key</c>, <c>secret</c>, <c>algorithm</c>, <c>rsa_public_key</c>.</summary>
    Jwt,
    /// <summary>acl (<c>acls</c>): <c>group</c>.</summary>
    Acl,
    /// <summary>hmac-auth (<c>hmacauth_credentials</c>): <c>username</c>, <c>secret</c>.</summary>
    HmacAuth,
}
