using KonnectES.Domain;

namespace KonnectES.Projections.Entities;

/// <summary>
/// A page of one kind's entities ordered by id, with the portal's filters. A filter that does not apply to the kind
/// (e.g. <see cref="ServiceId"/> on consumers) is rejected with <see cref="ArgumentException"/>.
/// </summary>
public sealed record EntityQuery(Guid ControlPlaneId, EntityType EntityType)
{
    /// <summary>Exact display name (name, username, target…).</summary>
    public string? Name { get; init; }

    /// <summary>Entities carrying every one of these tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Case-insensitive substring of the name (for consumers also of the custom id).</summary>
    public string? Search { get; init; }

    /// <summary>Routes of this service, or plugins scoped to it.</summary>
    public Guid? ServiceId { get; init; }

    /// <summary>Plugins scoped to this route.</summary>
    public Guid? RouteId { get; init; }

    /// <summary>Plugins scoped to this consumer; credentials and memberships of it.</summary>
    public Guid? ConsumerId { get; init; }

    /// <summary>Plugins scoped to this consumer group; its memberships.</summary>
    public Guid? ConsumerGroupId { get; init; }

    /// <summary>Targets of this upstream.</summary>
    public Guid? UpstreamId { get; init; }

    /// <summary>SNIs of this certificate.</summary>
    public Guid? CertificateId { get; init; }

    /// <summary>Plugins only: true = global plugins (no scope), false = scoped ones.</summary>
    public bool? Global { get; init; }

    /// <summary>Keyset cursor: only ids after this one.</summary>
    public Guid? After { get; init; }

    /// <summary>Page size.</summary>
    public int First { get; init; } = 50;
}
