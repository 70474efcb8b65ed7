using KonnectES.Domain;

namespace KonnectES.ControlPlane.Portal;

/// <summary>The entities of a kind whose reference column points at a parent, for <see cref="EntitiesByParentLoader"/>.</summary>
internal readonly record struct ChildrenKey(Guid ControlPlaneId, EntityType Type, string Column, Guid ParentId);
