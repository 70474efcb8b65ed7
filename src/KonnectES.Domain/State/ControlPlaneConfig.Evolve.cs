namespace KonnectES.Domain;

public sealed partial class ControlPlaneConfig
{
    /// <summary>
    /// Folds one event into the state: pure, total over every <see cref="IConfigEvent"/> of this
    /// assembly, and increments <see cref="Version"/> by one.
    /// </summary>
    public static ControlPlaneConfig Evolve(ControlPlaneConfig state, IConfigEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        var next = @event switch
        {
            IEntityEvent { Change: ChangeKind.Deleted } e => state.Remove(e.Entity.Id),
            IEntityEvent e => state.Upsert(e.Entity),
            ControlPlaneCreated c => state.WithControlPlane(c.ControlPlane),
            ControlPlaneUpdated u => state.WithControlPlane(u.ControlPlane),
            ControlPlaneDeleted => state.WithEntities([]).WithControlPlane(null),
            ConfigImported i => state.Apply(i.Changes),
            ConfigRolledBack r => state.Apply(r.Changes),
            _ => throw new ArgumentException($"Unknown event type {@event.GetType().Name}.", nameof(@event)),
        };
        return next.WithVersion(state.Version + 1);
    }

    /// <summary>Folds events into a state, starting from <paramref name="state"/>.</summary>
    public static ControlPlaneConfig Fold(ControlPlaneConfig state, IEnumerable<IConfigEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var @event in events)
        {
            state = Evolve(state, @event);
        }

        return state;
    }

    /// <summary>Folds a whole stream into the state of one control plane.</summary>
    public static ControlPlaneConfig Fold(Guid controlPlaneId, IEnumerable<IConfigEvent> events) => Fold(Empty(controlPlaneId), events);
}
