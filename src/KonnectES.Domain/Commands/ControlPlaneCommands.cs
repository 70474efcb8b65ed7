namespace KonnectES.Domain;

/// <summary>Create the control plane of an empty stream. The host checks name uniqueness across control planes.</summary>
public sealed record CreateControlPlane(ControlPlane ControlPlane) : IConfigCommand;

/// <summary>Replace the control plane's name, description and labels.</summary>
public sealed record UpdateControlPlane(ControlPlane ControlPlane) : IConfigCommand;

/// <summary>Delete the control plane.</summary>
public sealed record DeleteControlPlane : IConfigCommand;
