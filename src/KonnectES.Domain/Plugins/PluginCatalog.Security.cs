using System.Text.Json.Nodes;

namespace KonnectES.Domain;

public static partial class PluginCatalog
{
    private static string[] ServiceRoute => ["service", "route"];

    private static PluginSchema KeyAuth => new("key-auth", ServiceRoute, PluginSchema.HttpProtocols,
    [
        Strs("key_names", ["apikey"], check: HeaderName) with { Required = true },
        Bool("hide_credentials", false), Str("anonymous"), Bool("key_in_header", true), Bool("key_in_query", true),
        Bool("key_in_body", false), Bool("run_on_preflight", true), Str("realm"),
    ]);

    private static PluginSchema BasicAuth => new("basic-auth", ServiceRoute, PluginSchema.HttpProtocols,
        [Str("anonymous"), Bool("hide_credentials", false), Str("realm", "service")]);

    private static PluginSchema Jwt => new("jwt", ServiceRoute, PluginSchema.HttpProtocols,
    [
        Strs("uri_param_names", ["jwt"]), Strs("cookie_names", []), Strs("header_names", ["authorization"]),
        Str("key_claim_name", "iss"), Bool("secret_is_base64", false), Strs("claims_to_verify", oneOf: ["exp", "nbf"]),
        Str("anonymous"), Bool("run_on_preflight", true), Num("maximum_expiration", 0, 0, 31536000), Str("realm"),
    ])
    {
        Check = c => TryNum(c["maximum_expiration"]) > 0 && !(c["claims_to_verify"] as JsonArray ?? []).Any(v => v?.GetValue<string>() == "exp")
            ? [("expected 'exp' in 'claims_to_verify' when 'maximum_expiration' is set", "claims_to_verify")]
            : [],
    };

    private static PluginSchema Acl => new("acl", ServiceRoute, PluginSchema.HttpProtocols,
    [
        Strs("allow"), Strs("deny"), Bool("hide_groups_header", false), Bool("always_use_authenticated_groups", false),
        Bool("include_consumer_groups", false),
    ])
    {
        Check = c => IsSet(c, "allow") == IsSet(c, "deny")
            ? [("exactly one of these fields must be non-empty: 'config.allow', 'config.deny'", "allow")]
            : [],
    };

    private static PluginSchema IpRestriction => new("ip-restriction", PluginSchema.AllScopes,
        ["grpc", "grpcs", "http", "https", "tcp", "tls"],
        [Strs("allow", check: IpOrCidr), Strs("deny", check: IpOrCidr), Int("status", null, 100, 599), Str("message")])
    {
        Check = c => !IsSet(c, "allow") && !IsSet(c, "deny")
            ? [("at least one of these fields must be non-empty: 'config.allow', 'config.deny'", "allow")]
            : [],
    };

    private static PluginSchema BotDetection => new("bot-detection", ServiceRoute, PluginSchema.HttpProtocols,
        [Strs("allow", [], check: ValidRegex), Strs("deny", [], check: ValidRegex)]);

    private static PluginSchema Cors => new("cors", ServiceRoute, PluginSchema.HttpProtocols,
    [
        Strs("origins"), Strs("headers"), Strs("exposed_headers"),
        Strs("methods", ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"],
            oneOf: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"]),
        Num("max_age", null), Bool("credentials", false), Bool("private_network", false), Bool("preflight_continue", false),
        Bool("allow_origin_absent", true),
    ]);

    private static PluginSchema RequestSizeLimiting => new("request-size-limiting", ["service", "route", "consumer"], PluginSchema.HttpProtocols,
        [Int("allowed_payload_size", 128, 0), Str("size_unit", "megabytes", "megabytes", "kilobytes", "bytes"), Bool("require_content_length", false)]);

    private static PluginSchema CorrelationId => new("correlation-id", ["service", "route", "consumer"], PluginSchema.HttpProtocols,
        [Str("header_name", "Kong-Request-ID"), Str("generator", "uuid#counter", "uuid", "uuid#counter", "tracker"), Bool("echo_downstream", false)]);

    private static PluginSchema Prometheus => new("prometheus", ["service", "route", "consumer"], PluginSchema.HttpProtocols,
    [
        Bool("per_consumer", false), Bool("status_code_metrics", false), Bool("latency_metrics", false), Bool("bandwidth_metrics", false),
        Bool("upstream_health_metrics", false), Bool("ai_metrics", false), Bool("wasm_metrics", false),
    ]);

    private static double TryNum(JsonNode? node) => ConfigNormalizer.TryNumber(node, out var n) ? n : 0;
}
