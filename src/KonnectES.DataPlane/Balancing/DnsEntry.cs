using System.Collections.Immutable;

namespace KonnectES.DataPlane.Balancing;

/// <summary>A cached lookup: the addresses (sorted, as Kong sorts A records), when to look again, and the error if it failed.</summary>
internal sealed record DnsEntry(ImmutableArray<string> Addresses, DateTimeOffset ExpiresAt, string? Error);
