using KonnectES.Domain;
using KonnectES.EventStore;
using KonnectES.Projections.AuditLog;

namespace KonnectES.ControlPlane.Configuration;

/// <summary>
/// Time travel over a control plane's configuration: the state at a version or at a point in time (one history
/// checkpoint plus fewer than <see cref="ConfigurationOptions.CheckpointEvery"/> events), the diff between two versions,
/// and rollback to a version as one new, audited and reversible event.
/// </summary>
public sealed class ConfigHistory
{
    private readonly IEventStore _store;
    private readonly ConfigCheckpoints _checkpoints;
    private readonly ConfigStateCache _cache;
    private readonly ConfigCommandHandler _handler;
    private readonly AuditLogReader _auditLog;

    internal ConfigHistory(IEventStore store, ConfigCheckpoints checkpoints, ConfigStateCache cache, ConfigCommandHandler handler, AuditLogReader auditLog)
    {
        _store = store;
        _checkpoints = checkpoints;
        _cache = cache;
        _handler = handler;
        _auditLog = auditLog;
    }

    /// <summary>The configuration at <paramref name="version"/> (0: before the first event), or null when the stream has no such version.</summary>
    public async Task<ControlPlaneConfig?> GetConfigAtAsync(Guid controlPlaneId, long version, CancellationToken cancellationToken = default)
    {
        if (version < 0)
        {
            return null;
        }

        if (_cache.At(controlPlaneId, version) is { } cached)
        {
            return cached;
        }

        var start = await _checkpoints.LoadAsync(controlPlaneId, version, cancellationToken) ?? ControlPlaneConfig.Empty(controlPlaneId);
        var state = await ConfigStreamReader.CatchUpAsync(_store, start, version, _checkpoints, cancellationToken);
        return state.Version == version ? state : null;
    }

    /// <summary>The configuration as it was at <paramref name="at"/>: the version of the last event appended at or before it.</summary>
    public async Task<ControlPlaneConfig> GetConfigAtTimeAsync(Guid controlPlaneId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var version = await _auditLog.VersionAtAsync(controlPlaneId, at, cancellationToken);
        return await GetConfigAtAsync(controlPlaneId, version, cancellationToken) ?? ControlPlaneConfig.Empty(controlPlaneId);
    }

    /// <summary>
    /// The per-entity changes from <paramref name="fromVersion"/> to <paramref name="toVersion"/> (default: the current
    /// version), or null when either is not a version of the stream.
    /// </summary>
    public async Task<ConfigVersionDiff?> DiffAsync(Guid controlPlaneId, long fromVersion, long? toVersion = null, CancellationToken cancellationToken = default)
    {
        var to = toVersion is { } v
            ? await GetConfigAtAsync(controlPlaneId, v, cancellationToken)
            : await _handler.GetCurrentAsync(controlPlaneId, cancellationToken);
        var from = to is null ? null : await GetConfigAtAsync(controlPlaneId, fromVersion, cancellationToken);
        return from is null || to is null ? null : new ConfigVersionDiff(from.Version, to.Version, ConfigDiff.Between(from, to));
    }

    /// <summary>
    /// Restores the configuration of <paramref name="toVersion"/> as one new <see cref="ConfigRolledBack"/> event (same
    /// config hash as that version), honouring <see cref="CommandContext.ExpectedVersion"/> and recording the reason.
    /// Rolling back to the current configuration changes nothing.
    /// </summary>
    public async Task<CommandResult> RollBackAsync(Guid controlPlaneId, long toVersion, CommandContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = await GetConfigAtAsync(controlPlaneId, toVersion, cancellationToken);
        if (target is null)
        {
            var current = await _handler.GetCurrentAsync(controlPlaneId, cancellationToken);
            return CommandResult.Failed(current.Version, current.Hash,
                [DomainError.Invalid($"version {toVersion} is not a version of this configuration (current: {current.Version})", "toVersion")]);
        }

        return await _handler.HandleAsync(controlPlaneId, new RollBackConfig(toVersion, target), context, cancellationToken);
    }
}
