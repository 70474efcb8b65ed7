using KonnectES.Domain;

namespace KonnectES.ControlPlane.Configuration;

/// <summary>
/// The outcome of a command: the new config version, the appended events and the per-entity changes; or the errors
/// (VALIDATION, NOT_FOUND and CONFLICT from the domain, <see cref="VersionConflict"/> from the handler). A failed
/// command changed nothing.
/// </summary>
/// <param name="Version">The config version after the command (unchanged when nothing was appended).</param>
/// <param name="Hash">The config hash at <paramref name="Version"/>.</param>
/// <param name="Events">The appended events; empty when the command changed nothing or failed.</param>
/// <param name="Changes">One entry per changed entity, with before and after.</param>
/// <param name="Errors">Empty on success.</param>
public sealed record CommandResult(
    long Version, ConfigHash Hash, IReadOnlyList<IConfigEvent> Events, IReadOnlyList<EntityChange> Changes, IReadOnlyList<DomainError> Errors)
{
    /// <summary>The error code when the expected version differs from the config's version.</summary>
    public const string VersionConflict = "VERSION_CONFLICT";

    /// <summary>True when there are no errors.</summary>
    public bool IsSuccess => Errors.Count == 0;

    internal static CommandResult Failed(long version, ConfigHash hash, IReadOnlyList<DomainError> errors) => new(version, hash, [], [], errors);

    internal static CommandResult Conflict(long expected, long actual, ConfigHash hash) => Failed(actual, hash,
        [new DomainError(VersionConflict, $"expected config version {expected}, but it is at version {actual}", ["expectedVersion"])]);
}
