using System.Collections.Immutable;

namespace KonnectES.Projections.ControlPlanes;

/// <summary>A control plane as the portal lists it.</summary>
/// <param name="Id">The id (also its stream id).</param>
/// <param name="Name">The unique name.</param>
/// <param name="Description">Free text.</param>
/// <param name="Labels">Konnect labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When its configuration last changed.</param>
/// <param name="Version">The current config version.</param>
public sealed record ControlPlaneRecord(
    Guid Id, string Name, string? Description, ImmutableSortedDictionary<string, string> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);
