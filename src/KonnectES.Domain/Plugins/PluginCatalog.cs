using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace KonnectES.Domain;

/// <summary>
/// The bundled plugins the data plane supports, with Kong's config schemas and defaults
/// (kong-gateway-model §5.3). Any other name is rejected like Kong does for a plugin that is not enabled.
/// </summary>
public static partial class PluginCatalog
{
    private static readonly FrozenDictionary<string, PluginSchema> Schemas = new[]
    {
        KeyAuth, BasicAuth, Jwt, Acl, RateLimiting, Cors, RequestTransformer, ResponseTransformer, IpRestriction,
        RequestSizeLimiting, CorrelationId, RequestTermination, BotDetection, ProxyCache, Prometheus,
    }.ToFrozenDictionary(s => s.Name);

    /// <summary>Names of the supported plugins, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Schemas.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="name"/> is a supported plugin.</summary>
    public static bool IsKnown(string name) => Schemas.ContainsKey(name);

    /// <summary>The scopes a plugin may be applied to besides global: service, route, consumer, consumer_group.</summary>
    public static IReadOnlyList<string> ScopesOf(string name) => Schemas.TryGetValue(name, out var s) ? s.Scopes : [];

    internal static PluginSchema? Find(string name) => Schemas.GetValueOrDefault(name);

    private static ConfigField Str(string name, string? def = null, params string[] oneOf) => ConfigField.Str(name, def, oneOf);

    private static ConfigField Int(string name, long? def, long min = long.MinValue, long max = long.MaxValue) => ConfigField.Int(name, def, min, max);

    private static ConfigField Num(string name, double? def, double min = double.MinValue, double max = double.MaxValue) => ConfigField.Num(name, def, min, max);

    private static ConfigField Bool(string name, bool? def) => ConfigField.Bool(name, def);

    private static ConfigField Strs(string name, string[]? def = null, string[]? oneOf = null, Func<string, string?>? check = null) =>
        ConfigField.Strs(name, def, oneOf, check);

    private static ConfigField Rec(string name, params ConfigField[] fields) => ConfigField.Rec(name, fields);

    private static bool IsSet(JsonObject config, string field) => config[field] is JsonArray { Count: > 0 } or JsonValue;

    private static string? HeaderName(string value) => Formats.IsHeaderName(value) ? null : "bad header name '" + value + "', allowed characters are A-Z, a-z, 0-9, '_', and '-'";

    private static string? NameColonValue(string value) =>
        value.IndexOf(':') > 0 ? null : "invalid value: " + value + " (expected 'name:value')";

    private static string? IpOrCidr(string value) => RouteRules.IsIpOrCidr(value) ? null : "invalid ip or cidr range: '" + value + "'";

    private static string? ValidRegex(string value)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(value, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException)
        {
            return "not a valid regex: " + value;
        }
    }
}
