using KonnectES.Domain.Analytics;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// A data plane's traffic report was received: its per-minute rows, as sent. Appended once per report id to the stream
/// of the node and the hour of receipt (<see cref="TrafficStream"/>), never changed afterwards.
/// </summary>
/// <param name="ControlPlaneId">The control plane whose data-plane token sent the report.</param>
/// <param name="NodeId">The data-plane node that proxied the requests.</param>
/// <param name="ReportId">The report's id (a resent report carries the same one).</param>
/// <param name="Rows">The report's rows.</param>
public sealed record TrafficReported(Guid ControlPlaneId, Guid NodeId, Guid ReportId, IReadOnlyList<TrafficRow> Rows);
