namespace KonnectES.Domain;

/// <summary>One entity's change between two configurations, with its full before and after state.</summary>
/// <param name="EntityType">The kind.</param>
/// <param name="EntityId">The id.</param>
/// <param name="Name">Display name (after, else before).</param>
/// <param name="Change">Created, updated or deleted.</param>
/// <param name="Before">Null when created.</param>
/// <param name="After">Null when deleted.</param>
public sealed record EntityChange(EntityType EntityType, Guid EntityId, string? Name, ChangeKind Change, ConfigEntity? Before, ConfigEntity? After)
{
    /// <summary>A creation.</summary>
    public static EntityChange Created(ConfigEntity after) => new(after.EntityType, after.Id, after.DisplayName, ChangeKind.Created, null, after);

    /// <summary>An update.</summary>
    public static EntityChange Updated(ConfigEntity before, ConfigEntity after) =>
        new(after.EntityType, after.Id, after.DisplayName, ChangeKind.Updated, before, after);

    /// <summary>A deletion.</summary>
    public static EntityChange Deleted(ConfigEntity before) => new(before.EntityType, before.Id, before.DisplayName, ChangeKind.Deleted, before, null);
}
