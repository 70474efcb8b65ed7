using System.Globalization;
using KonnectES.Domain;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// The stream a traffic report is appended to: one per control plane, node and hour of receipt
/// (<c>traffic-{controlPlaneId}-{nodeId}-{yyyyMMddHH}</c>), so streams stay short and expire whole.
/// </summary>
public static class TrafficStream
{
    /// <summary>The stream name of the reports <paramref name="nodeId"/> sent during the hour of <paramref name="receivedAt"/>.</summary>
    public static string Name(Guid controlPlaneId, Guid nodeId, DateTimeOffset receivedAt) =>
        $"traffic-{controlPlaneId:D}-{nodeId:D}-{receivedAt.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}";

    /// <summary>The stream id of <see cref="Name"/>.</summary>
    public static Guid Id(Guid controlPlaneId, Guid nodeId, DateTimeOffset receivedAt) =>
        DeterministicId.From(Name(controlPlaneId, nodeId, receivedAt));
}
