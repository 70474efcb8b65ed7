namespace KonnectES.Domain;

/// <summary>kong/plugins/*/daos.lua: the fields each credential kind needs.</summary>
internal static class CredentialRules
{
    public static readonly string[] JwtAlgorithms =
        ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"];

    /// <summary>Clears the fields foreign to the kind; jwt algorithm defaults to HS256.</summary>
    public static Credential Normalize(Credential c) => c.Kind switch
    {
        CredentialKind.KeyAuth => c with { Username = null, Password = null, Secret = null, Algorithm = null, RsaPublicKey = null, Group = null },
        CredentialKind.BasicAuth => c with { Key = null, Ttl = null, Secret = null, Algorithm = null, RsaPublicKey = null, Group = null },
        CredentialKind.Jwt => c with { Ttl = null, Username = null, Password = null, Group = null, Algorithm = c.Algorithm ?? "HS256" },
        CredentialKind.Acl => c with { Key = null, Ttl = null, Username = null, Password = null, Secret = null, Algorithm = null, RsaPublicKey = null },
        _ => c with { Key = null, Ttl = null, Password = null, Algorithm = null, RsaPublicKey = null, Group = null },
    };

    public static void Validate(Credential c, List<DomainError> errors)
    {
        switch (c.Kind)
        {
            case CredentialKind.KeyAuth:
                Required(c.Key, "key", errors);
                if (c.Ttl is < 0 or > 100000000)
                {
                    errors.Add(DomainError.Invalid("value should be between 0 and 100000000", "ttl"));
                }

                break;
            case CredentialKind.BasicAuth:
                Required(c.Username, "username", errors);
                Required(c.Password, "password", errors);
                break;
            case CredentialKind.Jwt:
                Required(c.Key, "key", errors);
                Formats.OneOf(c.Algorithm, JwtAlgorithms, "algorithm", errors);
                if (c.Algorithm is { } alg && (alg.StartsWith("RS", StringComparison.Ordinal) || alg.StartsWith("PS", StringComparison.Ordinal) || alg == "EdDSA"))
                {
                    if (string.IsNullOrEmpty(c.RsaPublicKey))
                    {
                        errors.Add(DomainError.Invalid($"required field missing when 'algorithm' is {alg}", "rsa_public_key"));
                    }
                }
                else
                {
                    Required(c.Secret, "secret", errors);
                }

                break;
            case CredentialKind.Acl:
                Required(c.Group, "group", errors);
                break;
            case CredentialKind.HmacAuth:
                Required(c.Username, "username", errors);
                Required(c.Secret, "secret", errors);
                break;
            default:
                errors.Add(DomainError.Invalid("unknown credential kind", "kind"));
                break;
        }
    }

    private static void Required(string? value, string field, List<DomainError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(DomainError.Invalid("required field missing", field));
        }
    }
}
