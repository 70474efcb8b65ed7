using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>A Kong service: where requests go upstream. Defaults are Kong's.</summary>
public sealed record Service : ConfigEntity
{
    /// <summary>Optional unique name (utf8_name); the endpoint key.</summary>
    public string? Name { get; init; }

    /// <summary>http, https, grpc, grpcs, tcp, tls, tls_passthrough or udp.</summary>
    public string Protocol { get; init; } = "http";

    /// <summary>Hostname or IP without port; an upstream's name selects load balancing.</summary>
    public string Host { get; init; } = "";

    /// <summary>0..65535.</summary>
    public int Port { get; init; } = 80;

    /// <summary>Upstream base path; null for tcp/tls/udp/grpc(s).</summary>
    public string? Path { get; init; }

    /// <summary>0..32767.</summary>
    public int Retries { get; init; } = 5;

    /// <summary>Milliseconds, 1..2^31-2.</summary>
    public int ConnectTimeout { get; init; } = 60000;

    /// <summary>Milliseconds, 1..2^31-2.</summary>
    public int WriteTimeout { get; init; } = 60000;

    /// <summary>Milliseconds, 1..2^31-2.</summary>
    public int ReadTimeout { get; init; } = 60000;

    /// <summary>Client certificate for mTLS to the upstream (https/tls only).</summary>
    public Guid? ClientCertificateId { get; init; }

    /// <summary>Verify the upstream certificate (https/tls only); null = node setting.</summary>
    public bool? TlsVerify { get; init; }

    /// <summary>0..64 (https/tls only).</summary>
    public int? TlsVerifyDepth { get; init; }

    /// <summary>CA certificates to verify the upstream with (https/tls only).</summary>
    public ImmutableArray<Guid> CaCertificates { get; init; } = [];

    /// <summary>Disabled services (and their routes and plugins) are not shipped to data planes.</summary>
    public bool Enabled { get; init; } = true;

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.Service;

    /// <inheritdoc />
    public override string? DisplayName => Name;
}
