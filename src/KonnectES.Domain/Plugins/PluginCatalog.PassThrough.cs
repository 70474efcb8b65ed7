using System.Collections.Frozen;

namespace KonnectES.Domain;

public static partial class PluginCatalog
{
    /// <summary>Every protocol a plugin can name (Kong Enterprise adds ws and wss), for pass-through plugins.</summary>
    private static readonly string[] AnyProtocol = ["grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp", "ws", "wss"];

    /// <summary>
    /// The other plugins bundled with Kong Gateway 3.x (OSS, Enterprise and Konnect): known, but not implemented by
    /// the data plane. Scopes are permissive (all of them) except where Kong's schema forbids one: authentication
    /// plugins take no consumer (nor consumer group) scope, and acme is global only.
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> PassThrough = Build(
        (PluginSchema.AllScopes,
        [
            // OSS
            "ai-prompt-decorator", "ai-prompt-guard", "ai-prompt-template", "ai-proxy", "ai-request-transformer",
            "ai-response-transformer", "aws-lambda", "azure-functions", "datadog", "file-log", "grpc-gateway", "grpc-web",
            "http-log", "loggly", "opentelemetry", "post-function", "pre-function", "redirect", "response-ratelimiting",
            "statsd", "syslog", "tcp-log", "udp-log", "zipkin",

            // Enterprise / Konnect
            "ai-azure-content-safety", "ai-proxy-advanced", "ai-rate-limiting-advanced", "ai-semantic-cache",
            "ai-semantic-prompt-guard", "app-dynamics", "canary", "degraphql", "exit-transformer", "forward-proxy",
            "graphql-proxy-cache-advanced", "graphql-rate-limiting-advanced", "injection-protection", "jq",
            "json-threat-protection", "jwe-decrypt", "jwt-signer", "kafka-log", "kafka-upstream", "mocking",
            "oas-validation", "opa", "proxy-cache-advanced", "rate-limiting-advanced", "request-transformer-advanced",
            "request-validator", "response-transformer-advanced", "route-by-header", "route-transformer-advanced",
            "statsd-advanced", "tls-handshake-modifier", "tls-metadata-headers", "upstream-timeout",
            "websocket-size-limit", "websocket-validator", "xml-threat-protection",
        ]),
        (ServiceRoute,
        [
            "hmac-auth", "key-auth-enc", "konnect-application-auth", "ldap-auth", "ldap-auth-advanced", "mtls-auth",
            "oauth2", "oauth2-introspection", "openid-connect", "saml", "session", "vault-auth",
        ]),
        ([], ["acme"]));

    /// <summary>Names of the known plugins the data plane does not implement (<see cref="PluginSupport.PassThrough"/>), sorted.</summary>
    public static IReadOnlyList<string> PassThroughNames { get; } = [.. PassThrough.Keys.Order(StringComparer.Ordinal)];

    private static FrozenDictionary<string, string[]> Build(params (string[] Scopes, string[] Names)[] groups) =>
        groups.SelectMany(g => g.Names.Select(n => KeyValuePair.Create(n, g.Scopes))).ToFrozenDictionary(StringComparer.Ordinal);
}
