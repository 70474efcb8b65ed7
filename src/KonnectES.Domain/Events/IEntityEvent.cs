namespace KonnectES.Domain;

/// <summary>An event about exactly one gateway entity, carrying its full state (for deletions: the deleted state).</summary>
public interface IEntityEvent : IConfigEvent
{
    /// <summary>Created, updated or deleted.</summary>
    public ChangeKind Change { get; }

    /// <summary>The entity's new state, or for a deletion the state it had.</summary>
    public ConfigEntity Entity { get; }
}
