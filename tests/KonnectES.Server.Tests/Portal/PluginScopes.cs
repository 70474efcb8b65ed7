using System.Text.Json;

namespace KonnectES.Server.Tests.Portal;

/// <summary>Which scope fields of a plugin payload are set.</summary>
internal static class PluginScopes
{
    public const string Global = "";

    public static string Of(JsonElement payload) => string.Join(",",
        new[] { "service", "route", "consumer", "consumerGroup" }.Where(f => payload.At("plugin." + f).ValueKind != JsonValueKind.Null));
}
