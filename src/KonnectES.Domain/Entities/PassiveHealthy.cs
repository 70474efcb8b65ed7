using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>Passive checks: healthy transition.</summary>
public sealed record PassiveHealthy
{
    /// <summary>0..255.</summary>
    public int Successes { get; init; }

    /// <summary>Statuses counted as success.</summary>
    public ImmutableArray<int> HttpStatuses { get; init; } =
        [200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308];
}
