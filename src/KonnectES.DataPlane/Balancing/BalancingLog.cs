using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Balancing;

/// <summary>Log messages of load balancing and health checks (event ids 56xx).</summary>
internal static partial class BalancingLog
{
    [LoggerMessage(EventId = 5601, Level = LogLevel.Warning, Message = "Upstream {Upstream}: address {Address} of target {Target} is now {Health}")]
    public static partial void HealthChanged(ILogger logger, string upstream, string address, string target, TargetHealthStatus health);

    [LoggerMessage(EventId = 5602, Level = LogLevel.Debug, Message = "Upstream {Upstream}: probe of {Address} ended with {Outcome} {StatusCode}")]
    public static partial void Probed(ILogger logger, string upstream, string address, PeerOutcome outcome, int statusCode);

    [LoggerMessage(EventId = 5603, Level = LogLevel.Error, Message = "Active health checks failed for upstream {Upstream}")]
    public static partial void CheckFailed(ILogger logger, string upstream, Exception exception);
}
