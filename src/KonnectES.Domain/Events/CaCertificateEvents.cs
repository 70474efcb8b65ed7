namespace KonnectES.Domain;

/// <summary>A CA certificate was created; carries its full state.</summary>
public sealed record CaCertificateCreated(CaCertificate CaCertificate) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => CaCertificate;
}

/// <summary>A CA certificate was replaced; carries its full new state.</summary>
public sealed record CaCertificateUpdated(CaCertificate CaCertificate) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => CaCertificate;
}

/// <summary>A CA certificate was deleted; carries the state it had.</summary>
public sealed record CaCertificateDeleted(CaCertificate CaCertificate) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => CaCertificate;
}
