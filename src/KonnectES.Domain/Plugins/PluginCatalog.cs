using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace KonnectES.Domain;

/// <summary>
/// The plugins bundled with Kong Gateway (OSS, Enterprise, Konnect). Those the data plane implements are
/// <see cref="PluginSupport.Full"/>: Kong's config schemas and defaults (kong-gateway-model §5.3). The others are
/// <see cref="PluginSupport.PassThrough"/>: stored as given. Any other name is rejected like Kong does for a plugin
/// that is not enabled.
/// </summary>
public static partial class PluginCatalog
{
    private static readonly FrozenDictionary<string, PluginSchema> Schemas = new[]
    {
        KeyAuth, BasicAuth, Jwt, Acl, RateLimiting, Cors, RequestTransformer, ResponseTransformer, IpRestriction,
        RequestSizeLimiting, CorrelationId, RequestTermination, BotDetection, ProxyCache, Prometheus,
    }.ToFrozenDictionary(s => s.Name);

    /// <summary>Names of the fully supported plugins (implemented by the data plane), sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Schemas.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Names of every known plugin, fully supported or pass-through, sorted.</summary>
    public static IReadOnlyList<string> KnownNames => [.. Names.Concat(PassThroughNames).Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="name"/> is a Kong Gateway plugin, fully supported or pass-through.</summary>
    public static bool IsKnown(string name) => SupportOf(name) != PluginSupport.Unknown;

    /// <summary>True when the data plane implements <paramref name="name"/> (its config is validated and defaulted).</summary>
    public static bool IsFullySupported(string name) => SupportOf(name) == PluginSupport.Full;

    /// <summary>Whether <paramref name="name"/> is fully supported, pass-through or no Kong plugin at all.</summary>
    public static PluginSupport SupportOf(string name) =>
        name is null ? PluginSupport.Unknown
        : Schemas.ContainsKey(name) ? PluginSupport.Full
        : PassThrough.ContainsKey(name) ? PluginSupport.PassThrough
        : PluginSupport.Unknown;

    /// <summary>The scopes a plugin may be applied to besides global: service, route, consumer, consumer_group.</summary>
    public static IReadOnlyList<string> ScopesOf(string name) =>
        name is null ? [] : Schemas.TryGetValue(name, out var s) ? s.Scopes : PassThrough.GetValueOrDefault(name) ?? [];

    /// <summary>The protocols a plugin may run on (pass-through plugins: every protocol, ws and wss included).</summary>
    public static IReadOnlyList<string> ProtocolsOf(string name) =>
        name is null ? [] : Schemas.TryGetValue(name, out var s) ? s.Protocols : PassThrough.ContainsKey(name) ? AnyProtocol : [];

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
