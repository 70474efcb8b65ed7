namespace KonnectES.Domain;

/// <summary>A consumer joined a consumer group.</summary>
public sealed record ConsumerAddedToGroup(ConsumerGroupMember Member) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => Member;
}

/// <summary>A consumer left a consumer group (directly or because either side was deleted).</summary>
public sealed record ConsumerRemovedFromGroup(ConsumerGroupMember Member) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => Member;
}
