namespace KonnectES.EventStore;

/// <summary>
/// When a projection runs.
/// </summary>
public enum ProjectionLifecycle
{
    /// <summary>Inside the append's transaction: the read model is consistent with the events, and a failure fails the append.</summary>
    Inline,

    /// <summary>After commit, in the daemon, from a checkpoint: eventually consistent, never blocks appends.</summary>
    Async,
}
