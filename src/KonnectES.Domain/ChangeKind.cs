namespace KonnectES.Domain;

/// <summary>What happened to one entity between two configurations.</summary>
public enum ChangeKind
{
    /// <summary>The entity did not exist before.</summary>
    Created,
    /// <summary>The entity exists on both sides with different content.</summary>
    Updated,
    /// <summary>The entity no longer exists.</summary>
    Deleted,
}
