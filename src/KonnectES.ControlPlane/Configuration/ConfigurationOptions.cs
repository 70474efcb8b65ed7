namespace KonnectES.ControlPlane.Configuration;

/// <summary>
/// Configuration of command handling and history.
/// </summary>
public sealed class ConfigurationOptions
{
    /// <summary>
    /// A history checkpoint (the whole configuration at a version) is stored every this many versions, so the config at
    /// any version is one checkpoint plus at most this many events. Larger: fewer writes, slower time travel.
    /// </summary>
    public int CheckpointEvery { get; set; } = 250;

    /// <summary>How often a command without an expected version is re-decided after another writer won the race.</summary>
    public int MaxConflictRetries { get; set; } = 5;
}
