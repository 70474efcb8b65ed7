namespace KonnectES.Domain;

/// <summary>A foreign key held by a child entity.</summary>
internal readonly record struct Reference(Guid ParentId, EntityType ParentType, string Field, OnDelete OnDelete);
