namespace KonnectES.Domain;

/// <summary>A stream route's source or destination: an IP or CIDR and/or a port.</summary>
public sealed record RouteEndpoint
{
    /// <summary>IP address or CIDR block.</summary>
    public string? Ip { get; init; }

    /// <summary>0..65535.</summary>
    public int? Port { get; init; }
}
