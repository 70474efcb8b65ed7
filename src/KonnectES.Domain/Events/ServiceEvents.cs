namespace KonnectES.Domain;

/// <summary>A service was created; carries its full state.</summary>
public sealed record ServiceCreated(Service Service) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => Service;
}

/// <summary>A service was replaced; carries its full new state.</summary>
public sealed record ServiceUpdated(Service Service) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => Service;
}

/// <summary>A service was deleted (directly or by cascade); carries the state it had.</summary>
public sealed record ServiceDeleted(Service Service) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => Service;
}
