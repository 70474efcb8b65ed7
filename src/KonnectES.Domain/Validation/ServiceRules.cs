namespace KonnectES.Domain;

/// <summary>
/// kong/db/schema/entities/services.lua, with Kong Enterprise's (Konnect's) <c>ws</c> and <c>wss</c>:
/// ws follows http and wss follows https (a path is allowed; wss takes the TLS settings).
/// </summary>
internal static class ServiceRules
{
    public static readonly string[] Protocols = ["http", "https", "grpc", "grpcs", "tcp", "tls", "tls_passthrough", "udp", "ws", "wss"];

    private const string NotTls = "value must be null when 'protocol' is not 'https', 'tls' or 'wss'";

    private static readonly string[] NoPath = ["tcp", "tls", "tls_passthrough", "udp", "grpc", "grpcs"];

    public static void Validate(Service s, List<DomainError> errors)
    {
        if (s.Name is { } name && !Formats.IsUtf8Name(name))
        {
            errors.Add(DomainError.Invalid("invalid value '" + name + "': the only accepted ascii characters are alphanumerics or ., -, _, and ~", "name"));
        }

        Formats.OneOf(s.Protocol, Protocols, "protocol", errors);
        if (Formats.HostError(s.Host) is { } hostError)
        {
            errors.Add(DomainError.Invalid(hostError, "host"));
        }

        Formats.Range(s.Port, 0, 65535, "port", errors);
        Formats.Range(s.Retries, 0, 32767, "retries", errors);
        Formats.Range(s.ConnectTimeout, 1, Formats.MaxTimeout, "connect_timeout", errors);
        Formats.Range(s.WriteTimeout, 1, Formats.MaxTimeout, "write_timeout", errors);
        Formats.Range(s.ReadTimeout, 1, Formats.MaxTimeout, "read_timeout", errors);
        if (s.Path is { } path)
        {
            if (NoPath.Contains(s.Protocol))
            {
                errors.Add(DomainError.Invalid($"value must be null when 'protocol' is {s.Protocol}", "path"));
            }
            else if (Formats.PathError(path) is { } pathError)
            {
                errors.Add(DomainError.Invalid(pathError, "path"));
            }
        }

        var tls = s.Protocol is "https" or "tls" or "wss";
        if (!tls && s.ClientCertificateId is not null)
        {
            errors.Add(DomainError.Invalid(NotTls, "client_certificate"));
        }

        if (!tls && !s.CaCertificates.IsDefaultOrEmpty)
        {
            errors.Add(DomainError.Invalid(NotTls, "ca_certificates"));
        }

        if (!tls && s.TlsVerify is not null)
        {
            errors.Add(DomainError.Invalid(NotTls, "tls_verify"));
        }

        if (s.TlsVerifyDepth is { } depth)
        {
            if (!tls)
            {
                errors.Add(DomainError.Invalid(NotTls, "tls_verify_depth"));
            }

            Formats.Range(depth, 0, 64, "tls_verify_depth", errors);
        }
    }
}
