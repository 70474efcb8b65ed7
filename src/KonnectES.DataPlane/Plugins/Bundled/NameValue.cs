using System.Collections.Immutable;

namespace KonnectES.DataPlane.Plugins;

/// <summary>A transformer entry <c>name:value</c> (the value may itself contain colons).</summary>
internal readonly record struct NameValue(string Name, string Value)
{
    public static ImmutableArray<NameValue> Parse(PluginConfig config, string field) =>
    [
        .. config.Strings(field).Select(entry =>
        {
            var colon = entry.IndexOf(':');
            return colon > 0 ? new NameValue(entry[..colon], entry[(colon + 1)..]) : throw config.Error(field, $"invalid value: {entry} (expected 'name:value')");
        }),
    ];
}
