using System.Text.Json.Nodes;

namespace KonnectES.Domain;

public static partial class PluginCatalog
{
    private static string[] Periods => ["second", "minute", "hour", "day", "month", "year"];

    private static PluginSchema RateLimiting => new("rate-limiting", PluginSchema.AllScopes, PluginSchema.HttpProtocols,
    [
        Num("second", null, 0), Num("minute", null, 0), Num("hour", null, 0), Num("day", null, 0), Num("month", null, 0), Num("year", null, 0),
        Str("limit_by", "consumer", "consumer", "credential", "ip", "service", "header", "path", "consumer-group"),
        Str("header_name"), Str("path"), Str("policy", "local", "local", "cluster", "redis"),
        Bool("fault_tolerant", true), Bool("hide_client_headers", false), Int("error_code", 429, 0),
        Str("error_message", "API rate limit exceeded"), Num("sync_rate", -1),
        Rec("redis", Str("host"), Int("port", 6379, 0, 65535), Int("timeout", 2000, 0, int.MaxValue), Str("username"), Str("password"),
            Int("database", 0), Bool("ssl", false), Bool("ssl_verify", false), Str("server_name")),
    ])
    {
        Check = RateLimitingCheck,
    };

    private static PluginSchema RequestTermination => new("request-termination", PluginSchema.AllScopes, PluginSchema.HttpProtocols,
        [Int("status_code", 503, 100, 599), Str("message"), Str("body"), Str("content_type"), Str("trigger"), Bool("echo", false)])
    {
        Check = c => c["message"] is not null && (c["body"] is not null || c["content_type"] is not null)
            ? [("message cannot be used with content_type or body", "message")]
            : c["content_type"] is not null && c["body"] is null ? [("content_type requires a body", "content_type")] : [],
    };

    private static PluginSchema RequestTransformer => new("request-transformer", PluginSchema.AllScopes, PluginSchema.HttpProtocols,
    [
        Str("http_method") with { Check = v => Formats.IsMethod(v) ? null : "invalid value: " + v },
        Rec("remove", Strs("headers", []), Strs("querystring", []), Strs("body", [])),
        Rec("rename", Pairs("headers"), Pairs("querystring"), Pairs("body")),
        Rec("replace", Pairs("headers"), Pairs("querystring"), Pairs("body"), Str("uri")),
        Rec("add", Pairs("headers"), Pairs("querystring"), Pairs("body")),
        Rec("append", Pairs("headers"), Pairs("querystring"), Pairs("body")),
    ]);

    private static PluginSchema ResponseTransformer => new("response-transformer", PluginSchema.AllScopes, PluginSchema.HttpProtocols,
    [
        Rec("remove", Strs("headers", []), Strs("json", [])),
        Rec("rename", Pairs("headers"), Pairs("json")),
        Rec("replace", Pairs("headers"), Pairs("json"), JsonTypes()),
        Rec("add", Pairs("headers"), Pairs("json"), JsonTypes()),
        Rec("append", Pairs("headers"), Pairs("json"), JsonTypes()),
    ]);

    private static PluginSchema ProxyCache => new("proxy-cache", PluginSchema.AllScopes, PluginSchema.HttpProtocols,
    [
        ConfigField.Ints("response_code", [200, 301, 404], 100, 900),
        Strs("request_method", ["GET", "HEAD"], oneOf: ["HEAD", "GET", "POST", "PATCH", "PUT"]),
        Strs("content_type", ["text/plain", "application/json"]),
        Int("cache_ttl", 300, 0), Str("strategy", "memory", "memory"), Bool("cache_control", false), Bool("ignore_uri_case", false),
        Int("storage_ttl", null), Rec("memory", Str("dictionary_name", "kong_db_cache")),
        Strs("vary_query_params"), Strs("vary_headers"),
        Rec("response_headers", Bool("age", true), Bool("X-Cache-Status", true), Bool("X-Cache-Key", true)),
    ]);

    private static ConfigField Pairs(string name) => Strs(name, [], check: NameColonValue);

    private static ConfigField JsonTypes() => Strs("json_types", [], oneOf: ["boolean", "number", "string"]);

    private static IEnumerable<(string Message, string Field)> RateLimitingCheck(JsonObject c)
    {
        var limits = Periods.Select(p => (Period: p, Value: ConfigNormalizer.TryNumber(c[p], out var n) ? n : (double?)null)).ToArray();
        if (limits.All(l => l.Value is null))
        {
            yield return ("at least one of these fields must be non-empty: 'config.second', 'config.minute', 'config.hour', 'config.day', 'config.month', 'config.year'", "second");
        }

        for (var i = 0; i < limits.Length; i++)
        {
            for (var j = i + 1; j < limits.Length; j++)
            {
                if (limits[i].Value is { } shorter && limits[j].Value is { } longer && longer < shorter)
                {
                    yield return ($"The limit for {limits[j].Period}({longer}) cannot be lower than the limit for {limits[i].Period}({shorter})", limits[j].Period);
                }
            }
        }

        var limitBy = c["limit_by"]?.GetValue<string>();
        if (limitBy == "header" && c["header_name"] is null)
        {
            yield return ("required field missing when 'limit_by' is 'header'", "header_name");
        }

        if (limitBy == "path" && c["path"] is null)
        {
            yield return ("required field missing when 'limit_by' is 'path'", "path");
        }

        var policy = c["policy"]?.GetValue<string>();
        if (policy == "cluster")
        {
            yield return ("the 'cluster' policy is not supported in hybrid mode (use 'local' or 'redis')", "policy");
        }

        if (policy == "redis" && c["redis"]?["host"] is null)
        {
            yield return ("required field missing when 'policy' is 'redis'", "redis.host");
        }
    }
}
