namespace KonnectES.ControlPlane.Portal;

/// <summary>An upstream of a control plane, for <see cref="TargetHealthLoader"/>.</summary>
internal readonly record struct UpstreamKey(Guid ControlPlaneId, Guid UpstreamId);
