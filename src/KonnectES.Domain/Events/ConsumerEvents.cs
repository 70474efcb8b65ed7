namespace KonnectES.Domain;

/// <summary>A consumer was created; carries its full state.</summary>
public sealed record ConsumerCreated(Consumer Consumer) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => Consumer;
}

/// <summary>A consumer was replaced; carries its full new state.</summary>
public sealed record ConsumerUpdated(Consumer Consumer) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => Consumer;
}

/// <summary>A consumer was deleted (directly or by cascade); carries the state it had.</summary>
public sealed record ConsumerDeleted(Consumer Consumer) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => Consumer;
}
