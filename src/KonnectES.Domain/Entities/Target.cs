namespace KonnectES.Domain;

/// <summary>An upstream target: <c>host:port</c> (stored with its port; default 8000) and a weight.</summary>
public sealed record Target : ConfigEntity
{
    /// <summary>The upstream (cascade-deleted with it).</summary>
    public Guid UpstreamId { get; init; }

    /// <summary><c>host[:port]</c>, <c>ip[:port]</c> or <c>[ipv6][:port]</c>; normalised to include the port.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("target")]
    public string TargetAddress { get; init; } = "";

    /// <summary>0..65535; 0 = no traffic.</summary>
    public int Weight { get; init; } = 100;

    /// <summary>Failover target (Kong 3.12 field).</summary>
    public bool Failover { get; init; }

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.Target;

    /// <inheritdoc />
    public override string? DisplayName => TargetAddress;
}
