using KonnectES.Domain;

namespace KonnectES.Projections.Entities;

/// <summary>One current entity as the portal reads it: secrets masked.</summary>
/// <param name="ControlPlaneId">The control plane.</param>
/// <param name="EntityType">The kind.</param>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name (name, username, target…).</param>
/// <param name="Document">The entity as JSON (the domain's contract), secrets replaced by <see cref="SecretMasking.Placeholder"/>.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="UpdatedVersion">The config version that last changed it.</param>
public sealed record EntityRecord(
    Guid ControlPlaneId, EntityType EntityType, Guid Id, string? Name, string Document, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long UpdatedVersion)
{
    /// <summary>The masked document as a typed entity.</summary>
    public ConfigEntity ToEntity() => (ConfigEntity)DomainJson.Deserialize(Document, EntityTypeClr(EntityType))!;

    private static Type EntityTypeClr(EntityType type) =>
        typeof(ConfigEntity).Assembly.GetTypes().First(t => t.IsSubclassOf(typeof(ConfigEntity)) && !t.IsAbstract && t.Name == type.ToString());
}
