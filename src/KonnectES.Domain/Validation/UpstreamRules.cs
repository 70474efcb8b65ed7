using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>kong/db/schema/entities/upstreams.lua.</summary>
internal static class UpstreamRules
{
    public static readonly string[] Algorithms = ["round-robin", "consistent-hashing", "least-connections", "latency"];
    public static readonly string[] HashOn = ["none", "consumer", "ip", "header", "cookie", "path", "query_arg", "uri_capture"];
    private static readonly string[] CheckTypes = ["tcp", "http", "https", "grpc", "grpcs"];

    /// <summary>
    /// Kong's input normalisation: least-connections/latency clear hash_on; hash_on ≠ none switches to
    /// consistent-hashing; hash_on = none with consistent-hashing switches back to round-robin.
    /// </summary>
    public static Upstream Normalize(Upstream u)
    {
        if (u.Algorithm is "least-connections" or "latency")
        {
            u = u with { HashOn = "none", HashFallback = "none" };
        }
        else if (u.HashOn != "none" && HashOn.Contains(u.HashOn))
        {
            u = u with { Algorithm = "consistent-hashing" };
        }
        else if (u.HashOn == "none" && u.Algorithm == "consistent-hashing")
        {
            u = u with { Algorithm = "round-robin" };
        }

        return u;
    }

    public static void Validate(Upstream u, List<DomainError> errors)
    {
        if (string.IsNullOrEmpty(u.Name))
        {
            errors.Add(DomainError.Invalid("required field missing", "name"));
        }
        else if (Formats.IsIp(u.Name) || u.Name.Contains(':'))
        {
            errors.Add(DomainError.Invalid(Formats.IsIp(u.Name) ? "Invalid name; no ip addresses allowed" : "Invalid name; no port allowed", "name"));
        }
        else if (!Formats.IsHostname(u.Name))
        {
            errors.Add(DomainError.Invalid("Invalid name; must be a valid hostname", "name"));
        }

        Formats.OneOf(u.Algorithm, Algorithms, "algorithm", errors);
        Formats.OneOf(u.HashOn, HashOn, "hash_on", errors);
        Formats.OneOf(u.HashFallback, HashOn, "hash_fallback", errors);
        Hashing(u, errors);
        Formats.Range(u.Slots, 10, 65536, "slots", errors);
        if (u.HostHeader is { } hostHeader && Formats.HostWithOptionalPortError(hostHeader) is { } error)
        {
            errors.Add(DomainError.Invalid(error, "host_header"));
        }

        if (Formats.PathError(u.HashOnCookiePath) is { } cookiePathError)
        {
            errors.Add(DomainError.Invalid(cookiePathError, "hash_on_cookie_path"));
        }

        Healthchecks(u.Healthchecks, errors);
    }

    private static void Hashing(Upstream u, List<DomainError> errors)
    {
        RequiredWhen(u.HashOn == "header", u.HashOnHeader, "hash_on_header", errors);
        RequiredWhen(u.HashFallback == "header", u.HashFallbackHeader, "hash_fallback_header", errors);
        RequiredWhen(u.HashOn == "cookie" || u.HashFallback == "cookie", u.HashOnCookie, "hash_on_cookie", errors);
        RequiredWhen(u.HashOn == "query_arg", u.HashOnQueryArg, "hash_on_query_arg", errors);
        RequiredWhen(u.HashFallback == "query_arg", u.HashFallbackQueryArg, "hash_fallback_query_arg", errors);
        RequiredWhen(u.HashOn == "uri_capture", u.HashOnUriCapture, "hash_on_uri_capture", errors);
        RequiredWhen(u.HashFallback == "uri_capture", u.HashFallbackUriCapture, "hash_fallback_uri_capture", errors);

        foreach (var (header, field) in new[] { (u.HashOnHeader, "hash_on_header"), (u.HashFallbackHeader, "hash_fallback_header") })
        {
            if (header is not null && !Formats.IsHeaderName(header))
            {
                errors.Add(DomainError.Invalid("bad header name '" + header + "', allowed characters are A-Z, a-z, 0-9, '_', and '-'", field));
            }
        }

        if (u.HashOn == "none" && u.HashFallback != "none")
        {
            errors.Add(DomainError.Invalid("must be 'none' when 'hash_on' is 'none'", "hash_fallback"));
        }
        else if (u.HashOn == "cookie" && u.HashFallback != "none")
        {
            errors.Add(DomainError.Invalid("must be 'none' when 'hash_on' is 'cookie'", "hash_fallback"));
        }
        else if (u.HashOn != "none" && u.HashOn == u.HashFallback)
        {
            var same = u.HashOn switch
            {
                "header" => u.HashOnHeader is not null && string.Equals(u.HashOnHeader, u.HashFallbackHeader, StringComparison.OrdinalIgnoreCase),
                "query_arg" => u.HashOnQueryArg is not null && u.HashOnQueryArg == u.HashFallbackQueryArg,
                "uri_capture" => u.HashOnUriCapture is not null && u.HashOnUriCapture == u.HashFallbackUriCapture,
                _ => true,
            };
            if (same)
            {
                errors.Add(DomainError.Invalid("values of these fields must be distinct: 'hash_on', 'hash_fallback'", "hash_fallback"));
            }
        }
    }

    private static void RequiredWhen(bool selected, string? value, string field, List<DomainError> errors)
    {
        if (selected && string.IsNullOrEmpty(value))
        {
            errors.Add(DomainError.Invalid("required field missing", field));
        }
    }

    private static void Healthchecks(Healthchecks h, List<DomainError> errors)
    {
        const string a = "healthchecks.active", p = "healthchecks.passive";
        if (h.Threshold is < 0 or > 100)
        {
            errors.Add(DomainError.Invalid("value should be between 0 and 100", "healthchecks", "threshold"));
        }

        Formats.OneOf(h.Active.Type, CheckTypes, a + ".type", errors);
        Formats.OneOf(h.Passive.Type, CheckTypes, p + ".type", errors);
        Seconds(h.Active.Timeout, a + ".timeout", errors);
        Formats.Range(h.Active.Concurrency, 1, int.MaxValue, a + ".concurrency", errors);
        if (Formats.PathError(h.Active.HttpPath) is { } pathError)
        {
            errors.Add(DomainError.Invalid(pathError, a + ".http_path"));
        }

        Seconds(h.Active.Healthy.Interval, a + ".healthy.interval", errors);
        Seconds(h.Active.Unhealthy.Interval, a + ".unhealthy.interval", errors);
        Counter(h.Active.Healthy.Successes, a + ".healthy.successes", errors);
        Counter(h.Active.Unhealthy.TcpFailures, a + ".unhealthy.tcp_failures", errors);
        Counter(h.Active.Unhealthy.Timeouts, a + ".unhealthy.timeouts", errors);
        Counter(h.Active.Unhealthy.HttpFailures, a + ".unhealthy.http_failures", errors);
        Counter(h.Passive.Healthy.Successes, p + ".healthy.successes", errors);
        Counter(h.Passive.Unhealthy.TcpFailures, p + ".unhealthy.tcp_failures", errors);
        Counter(h.Passive.Unhealthy.Timeouts, p + ".unhealthy.timeouts", errors);
        Counter(h.Passive.Unhealthy.HttpFailures, p + ".unhealthy.http_failures", errors);
        Statuses(h.Active.Healthy.HttpStatuses, a + ".healthy.http_statuses", errors);
        Statuses(h.Active.Unhealthy.HttpStatuses, a + ".unhealthy.http_statuses", errors);
        Statuses(h.Passive.Healthy.HttpStatuses, p + ".healthy.http_statuses", errors);
        Statuses(h.Passive.Unhealthy.HttpStatuses, p + ".unhealthy.http_statuses", errors);
    }

    private static void Seconds(double value, string field, List<DomainError> errors)
    {
        if (value is < 0 or > 65535)
        {
            errors.Add(DomainError.Invalid("value should be between 0 and 65535", field.Split('.')));
        }
    }

    private static void Counter(int value, string field, List<DomainError> errors)
    {
        if (value is < 0 or > 255)
        {
            errors.Add(DomainError.Invalid("value should be between 0 and 255", field.Split('.')));
        }
    }

    private static void Statuses(ImmutableArray<int> statuses, string field, List<DomainError> errors)
    {
        if (statuses.IsDefault)
        {
            return;
        }

        for (var i = 0; i < statuses.Length; i++)
        {
            if (statuses[i] is < 100 or > 999)
            {
                errors.Add(DomainError.Invalid("value should be between 100 and 999", [.. field.Split('.'), Formats.Index(i)]));
            }
        }
    }
}
