namespace KonnectES.Server.Hosting;

/// <summary>A data-plane token a control-plane node registers at start.</summary>
/// <param name="Token">The secret, as data planes send it.</param>
/// <param name="Name">The name it is stored under (unique within the control plane).</param>
/// <param name="ControlPlaneName">The control plane it belongs to.</param>
internal sealed record DataPlaneTokenSetting(string Token, string Name, string ControlPlaneName);
