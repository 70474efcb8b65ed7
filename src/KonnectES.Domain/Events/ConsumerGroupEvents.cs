namespace KonnectES.Domain;

/// <summary>A consumer group was created; carries its full state.</summary>
public sealed record ConsumerGroupCreated(ConsumerGroup ConsumerGroup) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => ConsumerGroup;
}

/// <summary>A consumer group was replaced; carries its full new state.</summary>
public sealed record ConsumerGroupUpdated(ConsumerGroup ConsumerGroup) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => ConsumerGroup;
}

/// <summary>A consumer group was deleted (directly or by cascade); carries the state it had.</summary>
public sealed record ConsumerGroupDeleted(ConsumerGroup ConsumerGroup) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => ConsumerGroup;
}
