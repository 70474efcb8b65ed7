namespace KonnectES.Domain;

/// <summary>A target was created; carries its full state.</summary>
public sealed record TargetCreated(Target Target) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => Target;
}

/// <summary>A target was replaced; carries its full new state.</summary>
public sealed record TargetUpdated(Target Target) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => Target;
}

/// <summary>A target was deleted (directly or by cascade); carries the state it had.</summary>
public sealed record TargetDeleted(Target Target) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => Target;
}
