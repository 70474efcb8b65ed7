using KonnectES.Domain;

namespace KonnectES.Projections.AuditLog;

/// <summary>A page of history, newest first. Every filter is optional; <see cref="BeforeVersion"/> is the keyset cursor.</summary>
public sealed record AuditLogQuery(Guid ControlPlaneId)
{
    /// <summary>Only events that changed an entity of this kind.</summary>
    public EntityType? EntityType { get; init; }

    /// <summary>Only events that changed this entity (imports and rollbacks included).</summary>
    public Guid? EntityId { get; init; }

    /// <summary>Only events caused by this actor.</summary>
    public string? Actor { get; init; }

    /// <summary>Only events appended at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only events appended before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only versions below this one: the last version of the previous page.</summary>
    public long? BeforeVersion { get; init; }

    /// <summary>Page size.</summary>
    public int First { get; init; } = 50;
}
