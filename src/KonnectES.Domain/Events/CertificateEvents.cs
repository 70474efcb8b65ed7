namespace KonnectES.Domain;

/// <summary>A certificate was created; carries its full state.</summary>
public sealed record CertificateCreated(Certificate Certificate) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => Certificate;
}

/// <summary>A certificate was replaced; carries its full new state.</summary>
public sealed record CertificateUpdated(Certificate Certificate) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => Certificate;
}

/// <summary>A certificate was deleted (directly or by cascade); carries the state it had.</summary>
public sealed record CertificateDeleted(Certificate Certificate) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => Certificate;
}
