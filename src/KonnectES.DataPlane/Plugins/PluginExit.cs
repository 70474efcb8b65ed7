using System.Collections.Immutable;

namespace KonnectES.DataPlane.Plugins;

/// <summary>A response a plugin produced instead of proxying (Kong's <c>kong.response.exit</c> / <c>error</c>).</summary>
internal sealed record PluginExit(int Status, byte[] Body, string? ContentType, ImmutableArray<KeyValuePair<string, string>> Headers)
{
    public static PluginExit Empty(int status, params KeyValuePair<string, string>[] headers) => new(status, [], null, [.. headers]);
}
