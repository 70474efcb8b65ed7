namespace KonnectES.Domain;

public sealed partial class ControlPlaneConfig
{
    /// <summary>
    /// Decides a command on the current state: pure. Success = the events to append (possibly none
    /// when the command changes nothing); failure = validation, not-found or conflict errors.
    /// Entity events carry the normalised entity (defaults filled, sets sorted, derived fields set).
    /// Cascading deletes emit one explicit delete event per removed child, children first.
    /// </summary>
    public static Result<IReadOnlyList<IConfigEvent>> Decide(ControlPlaneConfig state, IConfigCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (command is CreateControlPlane create)
        {
            return state.ControlPlane is not null
                ? Fail(DomainError.Conflicting("the control plane already exists"))
                : DecideControlPlane(create.ControlPlane with { Id = state.ControlPlaneId }, updated: false);
        }

        if (state.ControlPlane is null)
        {
            return Fail(DomainError.Missing($"control plane '{state.ControlPlaneId}' not found"));
        }

        return command switch
        {
            UpdateControlPlane u => DecideControlPlane(u.ControlPlane with { Id = state.ControlPlaneId }, updated: true),
            DeleteControlPlane => Ok(new ControlPlaneDeleted(state.ControlPlane)),
            CreateService c => DecideUpsert(state, c.Service, create: true),
            UpdateService c => DecideUpsert(state, c.Service, create: false),
            DeleteService c => DecideDelete(state, c.Id, EntityType.Service),
            CreateRoute c => DecideUpsert(state, c.Route, create: true),
            UpdateRoute c => DecideUpsert(state, c.Route, create: false),
            DeleteRoute c => DecideDelete(state, c.Id, EntityType.Route),
            CreateConsumer c => DecideUpsert(state, c.Consumer, create: true),
            UpdateConsumer c => DecideUpsert(state, c.Consumer, create: false),
            DeleteConsumer c => DecideDelete(state, c.Id, EntityType.Consumer),
            CreateConsumerGroup c => DecideUpsert(state, c.ConsumerGroup, create: true),
            UpdateConsumerGroup c => DecideUpsert(state, c.ConsumerGroup, create: false),
            DeleteConsumerGroup c => DecideDelete(state, c.Id, EntityType.ConsumerGroup),
            AddConsumerToGroup c => DecideUpsert(state, new ConsumerGroupMember
            {
                Id = DeterministicId.ForMembership(c.ConsumerGroupId, c.ConsumerId),
                ConsumerGroupId = c.ConsumerGroupId,
                ConsumerId = c.ConsumerId,
            }, create: true),
            RemoveConsumerFromGroup c => DecideDelete(state, DeterministicId.ForMembership(c.ConsumerGroupId, c.ConsumerId), EntityType.ConsumerGroupMember),
            CreateUpstream c => DecideUpsert(state, c.Upstream, create: true),
            UpdateUpstream c => DecideUpsert(state, c.Upstream, create: false),
            DeleteUpstream c => DecideDelete(state, c.Id, EntityType.Upstream),
            CreateTarget c => DecideUpsert(state, c.Target, create: true),
            UpdateTarget c => DecideUpsert(state, c.Target, create: false),
            DeleteTarget c => DecideDelete(state, c.Id, EntityType.Target),
            CreatePlugin c => DecideUpsert(state, c.Plugin, create: true),
            UpdatePlugin c => DecideUpsert(state, c.Plugin, create: false),
            DeletePlugin c => DecideDelete(state, c.Id, EntityType.Plugin),
            CreateCertificate c => DecideUpsert(state, c.Certificate, create: true),
            UpdateCertificate c => DecideUpsert(state, c.Certificate, create: false),
            DeleteCertificate c => DecideDelete(state, c.Id, EntityType.Certificate),
            CreateSni c => DecideUpsert(state, c.Sni, create: true),
            UpdateSni c => DecideUpsert(state, c.Sni, create: false),
            DeleteSni c => DecideDelete(state, c.Id, EntityType.Sni),
            CreateCaCertificate c => DecideUpsert(state, c.CaCertificate, create: true),
            UpdateCaCertificate c => DecideUpsert(state, c.CaCertificate, create: false),
            DeleteCaCertificate c => DecideDelete(state, c.Id, EntityType.CaCertificate),
            CreateCredential c => DecideUpsert(state, c.Credential, create: true),
            UpdateCredential c => DecideUpsert(state, c.Credential, create: false),
            DeleteCredential c => DecideDelete(state, c.Id, EntityType.Credential),
            ImportConfig c => DecideImport(state, c),
            RollBackConfig c => DecideRollBack(state, c),
            _ => throw new ArgumentException($"Unknown command type {command.GetType().Name}.", nameof(command)),
        };
    }

    private static Result<IReadOnlyList<IConfigEvent>> DecideControlPlane(ControlPlane controlPlane, bool updated)
    {
        var errors = ControlPlaneRules.Validate(controlPlane);
        return errors.Count > 0 ? Fail(errors)
            : updated ? Ok(new ControlPlaneUpdated(controlPlane)) : Ok(new ControlPlaneCreated(controlPlane));
    }

    private static Result<IReadOnlyList<IConfigEvent>> DecideUpsert(ControlPlaneConfig state, ConfigEntity input, bool create)
    {
        if (input.Id == Guid.Empty)
        {
            return Fail(DomainError.Invalid("required field missing", "id"));
        }

        var existing = state.Find(input.Id);
        if (create && existing is not null)
        {
            return Fail(DomainError.Conflicting($"an entity with id '{input.Id}' already exists", "id"));
        }

        if (!create && (existing is null || existing.EntityType != input.EntityType))
        {
            return Fail(DomainError.Missing($"{Relations.Table(input.EntityType)} entity '{input.Id}' not found", "id"));
        }

        var (entity, errors) = EntityValidator.Prepare(input, state);
        if (errors.Count > 0)
        {
            return Fail(errors);
        }

        if (existing is not null && ConfigDiff.SameContent(existing, entity))
        {
            return Result<IReadOnlyList<IConfigEvent>>.Ok([]);
        }

        return Ok(EntityEvents.For(create ? ChangeKind.Created : ChangeKind.Updated, entity));
    }

    private static Result<IReadOnlyList<IConfigEvent>> DecideDelete(ControlPlaneConfig state, Guid id, EntityType type)
    {
        var entity = state.Find(id);
        if (entity is null || entity.EntityType != type)
        {
            return Fail(DomainError.Missing($"{Relations.Table(type)} entity '{id}' not found", "id"));
        }

        var (removed, errors) = Cascade.Collect(state, entity);
        return errors.Count > 0
            ? Fail(errors)
            : Result<IReadOnlyList<IConfigEvent>>.Ok([.. removed.Select(e => EntityEvents.For(ChangeKind.Deleted, e))]);
    }

    private static Result<IReadOnlyList<IConfigEvent>> DecideImport(ControlPlaneConfig state, ImportConfig command)
    {
        var plan = DeclarativeConfig.Plan(state, command.Document, command.Format, command.Mode);
        return !plan.IsSuccess ? Fail(plan.Errors)
            : plan.Value.IsEmpty ? Result<IReadOnlyList<IConfigEvent>>.Ok([])
            : Ok(new ConfigImported(command.Mode, plan.Value));
    }

    private static Result<IReadOnlyList<IConfigEvent>> DecideRollBack(ControlPlaneConfig state, RollBackConfig command)
    {
        if (command.ToVersion < 0 || command.ToVersion > state.Version || command.Target.Version != command.ToVersion)
        {
            return Fail(DomainError.Invalid($"version {command.ToVersion} is not a version of this configuration (current: {state.Version})", "toVersion"));
        }

        var changes = ConfigDiff.Between(state, command.Target);
        return Ok(new ConfigRolledBack(command.ToVersion, command.Target.Hash.ToString(), changes));
    }

    private static Result<IReadOnlyList<IConfigEvent>> Ok(IConfigEvent @event) => Result<IReadOnlyList<IConfigEvent>>.Ok([@event]);

    private static Result<IReadOnlyList<IConfigEvent>> Fail(DomainError error) => Result<IReadOnlyList<IConfigEvent>>.Fail(error);

    private static Result<IReadOnlyList<IConfigEvent>> Fail(IReadOnlyList<DomainError> errors) => Result<IReadOnlyList<IConfigEvent>>.Fail(errors);
}
