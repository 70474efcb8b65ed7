namespace KonnectES.DataPlane.Balancing;

/// <summary>How a try against a target ended, in the terms of Kong's health counters.</summary>
internal enum PeerOutcome
{
    /// <summary>The target answered with an HTTP status.</summary>
    Response,

    /// <summary>Connecting, sending or receiving failed.</summary>
    TcpFailure,

    /// <summary>The target did not answer in time.</summary>
    Timeout,

    /// <summary>A TCP probe connected: a success for <c>tcp</c> active checks.</summary>
    Connected,
}
