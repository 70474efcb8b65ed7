namespace KonnectES.Domain;

/// <summary>What Kong does to a child when its parent is deleted.</summary>
internal enum OnDelete
{
    Cascade,
    Restrict,
}
