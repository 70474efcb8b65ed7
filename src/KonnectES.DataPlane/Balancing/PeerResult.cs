namespace KonnectES.DataPlane.Balancing;

/// <summary>What the proxy host observed for one try: the outcome, the status when there was a response, and how long it took.</summary>
internal readonly record struct PeerResult(PeerOutcome Outcome, int StatusCode, TimeSpan Elapsed)
{
    /// <summary>A response with <paramref name="statusCode"/>.</summary>
    public static PeerResult Response(int statusCode, TimeSpan elapsed = default) => new(PeerOutcome.Response, statusCode, elapsed);

    /// <summary>A connection-level failure.</summary>
    public static PeerResult TcpFailure(TimeSpan elapsed = default) => new(PeerOutcome.TcpFailure, 0, elapsed);

    /// <summary>A successful TCP connect (active <c>tcp</c> checks).</summary>
    public static PeerResult Connected(TimeSpan elapsed = default) => new(PeerOutcome.Connected, 0, elapsed);

    /// <summary>A timeout.</summary>
    public static PeerResult Timeout(TimeSpan elapsed = default) => new(PeerOutcome.Timeout, 0, elapsed);
}
