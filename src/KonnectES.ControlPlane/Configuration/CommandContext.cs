namespace KonnectES.ControlPlane.Configuration;

/// <summary>Who sends a command, why, and what version they saw.</summary>
/// <param name="Actor">The user, service account or <c>system:&lt;agent&gt;</c>; stored with the events.</param>
public sealed record CommandContext(string Actor)
{
    /// <summary>The request id shared by everything one request caused.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The id of this command (generated when absent); stored as the events' causation id.</summary>
    public string? CausationId { get; init; }

    /// <summary>Why the change is made; shown in the history.</summary>
    public string? Reason { get; init; }

    /// <summary>When set, the command fails with <see cref="CommandResult.VersionConflict"/> unless the config is at this version.</summary>
    public long? ExpectedVersion { get; init; }
}
