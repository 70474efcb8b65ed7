namespace KonnectES.Domain;

/// <summary>An SNI was created; carries its full state.</summary>
public sealed record SniCreated(Sni Sni) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => Sni;
}

/// <summary>An SNI was replaced; carries its full new state.</summary>
public sealed record SniUpdated(Sni Sni) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => Sni;
}

/// <summary>An SNI was deleted (directly or by cascade); carries the state it had.</summary>
public sealed record SniDeleted(Sni Sni) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => Sni;
}
