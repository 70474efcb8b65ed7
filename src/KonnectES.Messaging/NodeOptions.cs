namespace KonnectES.Messaging;

/// <summary>
/// The node registry: every running node has a row it heartbeats.
/// </summary>
public sealed class NodeOptions
{
    /// <summary>How often a node heartbeats, renews its claims and does housekeeping. Default 2 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After how long without a heartbeat a node is declared dead: its row is removed and its claimed messages
    /// are released at once. Default 10 seconds.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(10);
}
