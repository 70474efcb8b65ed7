namespace KonnectES.Domain;

/// <summary>A credential was created; carries its full state.</summary>
public sealed record CredentialCreated(Credential Credential) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => Credential;
}

/// <summary>A credential was replaced; carries its full new state.</summary>
public sealed record CredentialUpdated(Credential Credential) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => Credential;
}

/// <summary>A credential was deleted (directly or by cascade); carries the state it had.</summary>
public sealed record CredentialDeleted(Credential Credential) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => Credential;
}
