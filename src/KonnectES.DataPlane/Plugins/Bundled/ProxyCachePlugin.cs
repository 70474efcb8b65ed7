using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// proxy-cache (priority 100), memory strategy: serves a fresh cached response for a cacheable request
/// (<c>X-Cache-Status: Hit</c>, <c>Age</c>), otherwise proxies and stores a cacheable response (<c>Miss</c>,
/// <c>Refresh</c> when a stale entry was replaced); anything else is <c>Bypass</c> (kong/plugins/proxy-cache/handler.lua).
/// </summary>
internal sealed class ProxyCachePlugin : KongPlugin
{
    private static readonly string[] NotStored = ["Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Age", "X-Cache-Status", "X-Cache-Key", "Set-Cookie"];
    private readonly ImmutableHashSet<long> _responseCodes;
    private readonly ImmutableHashSet<string> _methods;
    private readonly ImmutableArray<MediaTypeHeaderValue> _contentTypes;
    private readonly TimeSpan _cacheTtl;
    private readonly bool _cacheControl;
    private readonly bool _ignoreUriCase;
    private readonly TimeSpan? _storageTtl;
    private readonly ImmutableArray<string> _varyQuery;
    private readonly ImmutableArray<string> _varyHeaders;
    private readonly bool _ageHeader;
    private readonly bool _statusHeader;
    private readonly bool _keyHeader;

    public ProxyCachePlugin(PluginConfig config)
    {
        _responseCodes = [.. config.Integers("response_code", 200, 301, 404)];
        _methods = [.. config.Strings("request_method", "GET", "HEAD")];
        _contentTypes = [.. config.Strings("content_type", "text/plain", "application/json").Select(t =>
            MediaTypeHeaderValue.TryParse(t, out var parsed) ? parsed : throw config.Error("content_type", "invalid content type: " + t))];
        _cacheTtl = TimeSpan.FromSeconds(config.Integer("cache_ttl", 300));
        _cacheControl = config.Bool("cache_control", false);
        _ignoreUriCase = config.Bool("ignore_uri_case", false);
        _storageTtl = config.Integer("storage_ttl") is { } storage ? TimeSpan.FromSeconds(storage) : null;
        _varyQuery = config.Strings("vary_query_params");
        _varyHeaders = config.Strings("vary_headers");
        var headers = config.Record("response_headers");
        _ageHeader = headers.Bool("age", true);
        _statusHeader = headers.Bool("X-Cache-Status", true);
        _keyHeader = headers.Bool("X-Cache-Key", true);
        if (config.String("strategy", "memory") != "memory")
        {
            throw config.Error("strategy", "expected one of: memory");
        }
    }

    public override string Name => "proxy-cache";

    public override int Priority => 100;

    public override ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var request = context.Http.Request;
        var cc = CacheControl(request.Headers.CacheControl.ToString());
        if (!_methods.Contains(request.Method)
            || (_cacheControl && (cc.ContainsKey("no-store") || cc.ContainsKey("no-cache") || request.Headers.ContainsKey("Authorization"))))
        {
            context.Set(this, new State(null, "Bypass"));
            return ValueTask.CompletedTask;
        }

        var key = Key(context);
        var cached = context.Stores.Fetch(key);
        if (cached is null)
        {
            if (_cacheControl && cc.ContainsKey("only-if-cached"))
            {
                // RFC 9111 §5.2.1.7: the client wants a stored response or nothing.
                context.Error(504, null);
                return ValueTask.CompletedTask;
            }

            context.Set(this, new State(key, "Miss"));
            return ValueTask.CompletedTask;
        }

        var age = context.Now - cached.StoredAt;
        if (IsStaleFor(cc, age, cached.Ttl))
        {
            context.Stores.Purge(key);
            context.Set(this, new State(key, "Refresh"));
            return ValueTask.CompletedTask;
        }

        context.Set(this, new State(key, "Hit"));
        var headers = cached.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))).ToList();
        if (_ageHeader)
        {
            headers.Add(new("Age", ((long)age.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        }

        context.Respond(new PluginExit(cached.Status, cached.Body, null, [.. headers]));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Whether a stored response is too old to serve: beyond <c>cache_ttl</c>, or with <c>cache_control</c>, beyond
    /// what the client's <c>max-age</c>, <c>max-stale</c> and <c>min-fresh</c> accept.
    /// </summary>
    private bool IsStaleFor(Dictionary<string, string?> cc, TimeSpan age, TimeSpan ttl)
    {
        if (!_cacheControl)
        {
            return age > _cacheTtl;
        }

        var seconds = age.TotalSeconds;
        return (Seconds(cc, "max-age") is { } maxAge && seconds > maxAge)
            || (Seconds(cc, "max-stale") is { } maxStale && seconds - ttl.TotalSeconds > maxStale)
            || (Seconds(cc, "min-fresh") is { } minFresh && ttl.TotalSeconds - seconds < minFresh);
    }

    public override bool NeedsResponseBody(PluginContext context) => context.Get<State>(this) is { Key: not null, Status: "Miss" or "Refresh" };

    public override void HeaderFilter(PluginContext context)
    {
        if (context.Get<State>(this) is not { } state)
        {
            return;
        }

        var response = context.Http.Response;
        if (state.Status is "Miss" or "Refresh" && !Cacheable(context))
        {
            state.Status = "Bypass";
        }

        if (_statusHeader)
        {
            response.Headers["X-Cache-Status"] = state.Status;
        }

        if (_keyHeader && state.Key is not null)
        {
            response.Headers["X-Cache-Key"] = state.Key;
        }

        if (state.Status is "Miss" or "Refresh")
        {
            state.Headers = [.. response.Headers
                .Where(h => !NotStored.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
                .Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value.Select(v => v ?? "")]))];
            state.Status = state.Status == "Miss" ? "Store" : "StoreRefresh";
        }
    }

    public override byte[] BodyFilter(PluginContext context, byte[] body)
    {
        if (context.Get<State>(this) is { Key: { } key, Status: "Store" or "StoreRefresh" } state)
        {
            var now = context.Now;
            var ttl = ResourceTtl(context);
            context.Stores.Store(key, new CachedResponse(context.Http.Response.StatusCode, state.Headers, body, now, ttl, now + (_storageTtl ?? ttl)));
        }

        return body;
    }

    private bool Cacheable(PluginContext context)
    {
        var response = context.Http.Response;
        if (!_responseCodes.Contains(response.StatusCode)
            || !MediaTypeHeaderValue.TryParse(response.ContentType, out var type)
            || !_contentTypes.Any(t => type.IsSubsetOf(t) || (t.MatchesAllSubTypes && t.Type.Equals(type.Type, StringComparison.OrdinalIgnoreCase)) || t.MatchesAllTypes))
        {
            return false;
        }

        if (!_cacheControl)
        {
            return true;
        }

        var cc = CacheControl(response.Headers.CacheControl.ToString());
        return !cc.ContainsKey("private") && !cc.ContainsKey("no-store") && !cc.ContainsKey("no-cache") && ResourceTtl(context) > TimeSpan.Zero;
    }

    /// <summary>With <c>cache_control</c>: s-maxage, max-age, then Expires of the response; otherwise <c>cache_ttl</c>.</summary>
    private TimeSpan ResourceTtl(PluginContext context)
    {
        if (!_cacheControl)
        {
            return _cacheTtl;
        }

        var headers = context.Http.Response.Headers;
        var cc = CacheControl(headers.CacheControl.ToString());
        if ((Seconds(cc, "s-maxage") ?? Seconds(cc, "max-age")) is { } seconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(headers.Expires.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
            ? expires - context.Now
            : _cacheTtl;
    }

    /// <summary>Kong's cache key: consumer and route prefix, method, path, query arguments, vary headers; SHA-256 hex.</summary>
    private string Key(PluginContext context)
    {
        var request = context.Http.Request;
        var route = context.Request.RouteId?.ToString();
        var prefix = context.Consumer is { } consumer && route is not null ? consumer.Id + ":" + route : route ?? "default";
        var path = request.Path.Value ?? "/";
        var query = request.Query
            .Where(q => _varyQuery.IsEmpty || _varyQuery.Contains(q.Key))
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => q.Key + "=" + string.Join(',', q.Value.Order(StringComparer.Ordinal)));
        var headers = _varyHeaders
            .Order(StringComparer.Ordinal)
            .Select(h => h.ToLowerInvariant() + "=" + request.Headers[h].ToString());
        var raw = string.Join('|', prefix, request.Method, _ignoreUriCase ? path.ToLowerInvariant() : path, string.Join(':', query), string.Join(':', headers));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
    }

    private static Dictionary<string, string?> CacheControl(string header)
    {
        var directives = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            directives[eq < 0 ? part : part[..eq].Trim()] = eq < 0 ? null : part[(eq + 1)..].Trim().Trim('"');
        }

        return directives;
    }

    private static double? Seconds(Dictionary<string, string?> directives, string name) =>
        directives.GetValueOrDefault(name) is { } value && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private sealed class State(string? key, string status)
    {
        public string? Key => key;

        public string Status { get; set; } = status;

        public ImmutableArray<KeyValuePair<string, string[]>> Headers { get; set; } = [];
    }
}
