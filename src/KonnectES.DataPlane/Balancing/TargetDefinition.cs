namespace KonnectES.DataPlane.Balancing;

/// <summary>A target as the snapshot describes it: <c>host:port</c> split, its weight, and whether the host is an IP literal.</summary>
internal sealed record TargetDefinition(Guid Id, string Host, int Port, int Weight, bool IsIp)
{
    /// <summary>Kong's <c>target</c> field: <c>host:port</c>, IPv6 in brackets.</summary>
    public string Target => $"{Host}:{Port}";
}
