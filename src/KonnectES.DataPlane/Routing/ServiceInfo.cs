using System.Collections.Immutable;

namespace KonnectES.DataPlane.Routing;

/// <summary>The service fields the proxy needs after a match (Kong's service entity, reference §2.1).</summary>
internal sealed record ServiceInfo
{
    /// <summary>The service's UUID as the snapshot spells it.</summary>
    public required string Id { get; init; }

    /// <summary>Optional unique name.</summary>
    public string? Name { get; init; }

    /// <summary>http, https, grpc or grpcs (ws/wss where enabled).</summary>
    public string Protocol { get; init; } = "http";

    /// <summary>A hostname or IP, or the name of an upstream (then <see cref="Upstream"/> is set).</summary>
    public required string Host { get; init; }

    /// <summary>The port; with an upstream the chosen target's port replaces it.</summary>
    public int Port { get; init; } = 80;

    /// <summary>The base path, or null (Kong then uses <c>/</c>; always <c>/</c> for grpc services).</summary>
    public string? Path { get; init; }

    /// <summary>Milliseconds.</summary>
    public int ConnectTimeout { get; init; } = 60000;

    /// <summary>Milliseconds.</summary>
    public int ReadTimeout { get; init; } = 60000;

    /// <summary>Milliseconds.</summary>
    public int WriteTimeout { get; init; } = 60000;

    /// <summary>How many times a failed connection is retried on another target.</summary>
    public int Retries { get; init; } = 5;

    /// <summary>The service's tags.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The upstream whose name equals <see cref="Host"/>, when there is one: the balancer picks the target.</summary>
    public UpstreamRef? Upstream { get; init; }
}
