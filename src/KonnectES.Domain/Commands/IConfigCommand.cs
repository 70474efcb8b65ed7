namespace KonnectES.Domain;

/// <summary>Marker of every command decided by <see cref="ControlPlaneConfig.Decide"/>.</summary>
public interface IConfigCommand;
