namespace KonnectES.DataPlane.Plugins;

/// <summary>A plugin config that does not follow the plugin's schema; collected as a compile error.</summary>
internal sealed class PluginConfigException(string message) : Exception(message);
