namespace KonnectES.Domain;

/// <summary>A plugin was created; carries its full state.</summary>
public sealed record PluginCreated(Plugin Plugin) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => Plugin;
}

/// <summary>A plugin was replaced; carries its full new state.</summary>
public sealed record PluginUpdated(Plugin Plugin) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => Plugin;
}

/// <summary>A plugin was deleted (directly or by cascade); carries the state it had.</summary>
public sealed record PluginDeleted(Plugin Plugin) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => Plugin;
}
