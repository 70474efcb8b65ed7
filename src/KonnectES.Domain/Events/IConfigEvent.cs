namespace KonnectES.Domain;

/// <summary>Marker of every event in a control plane's configuration stream.</summary>
public interface IConfigEvent;
