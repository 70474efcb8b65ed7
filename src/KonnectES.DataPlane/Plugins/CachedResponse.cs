using System.Collections.Immutable;

namespace KonnectES.DataPlane.Plugins;

/// <summary>A response kept by proxy-cache: served while fresh (<see cref="Ttl"/>), kept until <see cref="Expires"/>.</summary>
internal sealed record CachedResponse(
    int Status,
    ImmutableArray<KeyValuePair<string, string[]>> Headers,
    byte[] Body,
    DateTimeOffset StoredAt,
    TimeSpan Ttl,
    DateTimeOffset Expires);
