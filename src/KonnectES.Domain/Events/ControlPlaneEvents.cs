namespace KonnectES.Domain;

/// <summary>The control plane was created: the first event of its stream.</summary>
public sealed record ControlPlaneCreated(ControlPlane ControlPlane) : IConfigEvent;

/// <summary>The control plane's name, description or labels changed.</summary>
public sealed record ControlPlaneUpdated(ControlPlane ControlPlane) : IConfigEvent;

/// <summary>The control plane was deleted (with all its entities); the stream accepts no further commands.</summary>
public sealed record ControlPlaneDeleted(ControlPlane ControlPlane) : IConfigEvent;
