namespace KonnectES.Domain.Analytics;

/// <summary>
/// What a data plane sends to <c>POST /v1/traffic</c>: per-minute pre-aggregates of the requests it proxied. The
/// report id makes a resent report count once.
/// </summary>
/// <param name="ReportId">Unique per report; a report sent twice carries the same id.</param>
/// <param name="NodeId">The data-plane node that proxied the requests.</param>
/// <param name="SentAt">When the data plane sent it.</param>
/// <param name="Rows">One row per minute and combination of route, service, consumer and status code.</param>
public sealed record TrafficReport(Guid ReportId, Guid NodeId, DateTimeOffset SentAt, IReadOnlyList<TrafficRow> Rows);
