using KonnectES.Projections.DataPlaneNodes;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>A node's <c>syncStatus</c>, computed when read (it depends on the clock and on the control plane's current hash).</summary>
internal static class DataPlaneSyncStatus
{
    public const string InSync = "IN_SYNC";
    public const string OutOfSync = "OUT_OF_SYNC";
    public const string Unknown = "UNKNOWN";

    /// <summary>
    /// <c>UNKNOWN</c> when the node was not seen for <paramref name="timeout"/>, otherwise <c>IN_SYNC</c> when it applied
    /// the control plane's current config hash, else <c>OUT_OF_SYNC</c>.
    /// </summary>
    public static string Of(DataPlaneNodeRecord node, string? currentConfigHash, DateTimeOffset now, TimeSpan timeout) =>
        now - node.LastSeen > timeout ? Unknown
        : currentConfigHash is not null && node.ConfigHash == currentConfigHash ? InSync
        : OutOfSync;
}
