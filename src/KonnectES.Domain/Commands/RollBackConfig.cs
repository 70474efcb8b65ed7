namespace KonnectES.Domain;

/// <summary>
/// Restore the configuration of an earlier version. Decide is pure, so the caller supplies that
/// version's state (replayed from the stream: <c>ControlPlaneConfig.Fold</c>).
/// </summary>
/// <param name="ToVersion">The version to restore.</param>
/// <param name="Target">The state at <paramref name="ToVersion"/>.</param>
public sealed record RollBackConfig(long ToVersion, ControlPlaneConfig Target) : IConfigCommand;
