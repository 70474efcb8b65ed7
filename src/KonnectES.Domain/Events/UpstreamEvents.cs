namespace KonnectES.Domain;

/// <summary>An upstream was created; carries its full state.</summary>
public sealed record UpstreamCreated(Upstream Upstream) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => Upstream;
}

/// <summary>An upstream was replaced; carries its full new state.</summary>
public sealed record UpstreamUpdated(Upstream Upstream) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => Upstream;
}

/// <summary>An upstream was deleted (directly or by cascade); carries the state it had.</summary>
public sealed record UpstreamDeleted(Upstream Upstream) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => Upstream;
}
