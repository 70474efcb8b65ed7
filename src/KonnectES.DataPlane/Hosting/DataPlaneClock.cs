namespace KonnectES.DataPlane.Hosting;

/// <summary>When this data plane started, for the uptime <c>/status</c> shows.</summary>
internal sealed record DataPlaneClock(DateTimeOffset StartedAt);
