using KonnectES.Domain;
using KonnectES.EventStore;
using KonnectES.Projections.AuditLog;
using KonnectES.Projections.ControlPlanes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.ControlPlane.Configuration;

/// <summary>
/// Handles configuration commands: one control plane is one stream and its version is the config version. A command is
/// decided on the cached current state (caught up by reading only the stream's tail), then appended with the loaded
/// version as the expected version, so two writers never both win; the inline projections commit with it.
/// </summary>
public sealed partial class ConfigCommandHandler
{
    private readonly IEventStore _store;
    private readonly ConfigStateCache _cache;
    private readonly ConfigCheckpoints _checkpoints;
    private readonly ConfigurationOptions _options;
    private readonly ILogger<ConfigCommandHandler> _logger;

    internal ConfigCommandHandler(
        IEventStore store, ConfigStateCache cache, ConfigCheckpoints checkpoints, IOptions<ConfigurationOptions> options, ILogger<ConfigCommandHandler> logger)
    {
        _store = store;
        _cache = cache;
        _checkpoints = checkpoints;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Decides and appends one command. Expected failures come back as <see cref="CommandResult.Errors"/>: the domain's
    /// VALIDATION / NOT_FOUND / CONFLICT, a taken control-plane name (CONFLICT), and
    /// <see cref="CommandResult.VersionConflict"/> when <see cref="CommandContext.ExpectedVersion"/> is not the current version.
    /// Without an expected version, a lost race is re-decided on the new state up to
    /// <see cref="ConfigurationOptions.MaxConflictRetries"/> times.
    /// </summary>
    public async Task<CommandResult> HandleAsync(Guid controlPlaneId, IConfigCommand command, CommandContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var entry = _cache.For(controlPlaneId);
        for (var attempt = 0; ; attempt++)
        {
            await entry.Gate.WaitAsync(cancellationToken);
            try
            {
                var state = await _cache.LoadAsync(entry, cancellationToken);
                if (context.ExpectedVersion is { } expected && expected != state.Version)
                {
                    return CommandResult.Conflict(expected, state.Version, state.Hash);
                }

                var decision = ControlPlaneConfig.Decide(state, command);
                if (!decision.IsSuccess)
                {
                    return CommandResult.Failed(state.Version, state.Hash, decision.Errors);
                }

                var events = decision.Value;
                if (events.Count == 0)
                {
                    return new CommandResult(state.Version, state.Hash, [], [], []);
                }

                try
                {
                    await _store.AppendAsync(
                        controlPlaneId, ExpectedVersion.Exact(state.Version), [.. events], Metadata(context), cancellationToken);
                }
                catch (ConcurrencyException conflict)
                {
                    entry.State = null;
                    if (context.ExpectedVersion is { } wanted)
                    {
                        return CommandResult.Conflict(wanted, conflict.ActualVersion, state.Hash);
                    }

                    if (attempt >= _options.MaxConflictRetries)
                    {
                        return CommandResult.Conflict(state.Version, conflict.ActualVersion, state.Hash);
                    }

                    Log.Retrying(_logger, controlPlaneId, state.Version, attempt + 1);
                    continue;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == ControlPlaneRecordProjection.UniqueNameIndex)
                {
                    return CommandResult.Failed(state.Version, state.Hash,
                        [DomainError.Conflicting("a control plane with this name already exists", "name")]);
                }

                var (next, changes) = Apply(state, events);
                entry.State = next;
                _checkpoints.Offer(next);
                return new CommandResult(next.Version, next.Hash, events, changes, []);
            }
            finally
            {
                entry.Gate.Release();
            }
        }
    }

    /// <summary>The current configuration of a control plane (cached; only the stream's tail is read).</summary>
    public async Task<ControlPlaneConfig> GetCurrentAsync(Guid controlPlaneId, CancellationToken cancellationToken = default)
    {
        var entry = _cache.For(controlPlaneId);
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            return await _cache.LoadAsync(entry, cancellationToken);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private static EventMetadata Metadata(CommandContext context) => new()
    {
        Actor = context.Actor,
        CorrelationId = context.CorrelationId,
        CausationId = context.CausationId ?? Guid.CreateVersion7().ToString(),
        Headers = context.Reason is null ? null : new Dictionary<string, string> { [AuditLogProjection.ReasonHeader] = context.Reason },
    };

    /// <summary>Folds the events and lists each changed entity with its before and after state (no whole-config diff).</summary>
    private static (ControlPlaneConfig State, IReadOnlyList<EntityChange> Changes) Apply(ControlPlaneConfig state, IReadOnlyList<IConfigEvent> events)
    {
        var changes = new List<EntityChange>();
        foreach (var @event in events)
        {
            switch (@event)
            {
                case IEntityEvent e:
                    var before = state.Find(e.Entity.Id);
                    changes.Add(e.Change switch
                    {
                        ChangeKind.Deleted => EntityChange.Deleted(e.Entity),
                        ChangeKind.Updated when before is not null => EntityChange.Updated(before, e.Entity),
                        _ => EntityChange.Created(e.Entity),
                    });
                    break;
                case ConfigImported i:
                    changes.AddRange(i.Changes);
                    break;
                case ConfigRolledBack r:
                    changes.AddRange(r.Changes);
                    break;
            }

            state = ControlPlaneConfig.Evolve(state, @event);
        }

        return (state, changes);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Control plane {ControlPlaneId}: another writer appended after version {Version}; deciding again (attempt {Attempt})")]
        public static partial void Retrying(ILogger logger, Guid controlPlaneId, long version, int attempt);
    }
}
