namespace KonnectES.DataPlane.Plugins;

/// <summary>Why a plugin of a snapshot cannot run on this data plane; any error makes the snapshot rejected.</summary>
internal sealed record PluginCompileError(Guid? PluginId, string PluginName, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"plugin '{PluginName}' ({PluginId}): {Message}";
}
