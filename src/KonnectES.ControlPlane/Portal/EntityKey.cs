using KonnectES.Domain;

namespace KonnectES.ControlPlane.Portal;

/// <summary>An entity of a kind in a control plane, for <see cref="EntityByIdLoader"/>.</summary>
internal readonly record struct EntityKey(Guid ControlPlaneId, EntityType Type, Guid Id);
