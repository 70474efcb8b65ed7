namespace KonnectES.DataPlane.Balancing;

/// <summary>The four counters Kong keeps per address: one success counter and three failure counters.</summary>
internal enum HealthCounter
{
    /// <summary>Healthy responses or successful probes.</summary>
    Success,

    /// <summary>Responses with an unhealthy status.</summary>
    HttpFailure,

    /// <summary>Connection failures.</summary>
    TcpFailure,

    /// <summary>Timeouts.</summary>
    Timeout,
}
