namespace KonnectES.Domain;

/// <summary>A route was created; carries its full state.</summary>
public sealed record RouteCreated(Route Route) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Created;

    ConfigEntity IEntityEvent.Entity => Route;
}

/// <summary>A route was replaced; carries its full new state.</summary>
public sealed record RouteUpdated(Route Route) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Updated;

    ConfigEntity IEntityEvent.Entity => Route;
}

/// <summary>A route was deleted (directly or by cascade); carries the state it had.</summary>
public sealed record RouteDeleted(Route Route) : IEntityEvent
{
    ChangeKind IEntityEvent.Change => ChangeKind.Deleted;

    ConfigEntity IEntityEvent.Entity => Route;
}
