using System.Collections.Immutable;
using System.Globalization;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// rate-limiting (priority 910), <c>local</c> policy: fixed calendar windows (second … year, UTC) counted per
/// identifier (<c>limit_by</c>); headers <c>X-RateLimit-Limit-&lt;Period&gt;</c>, <c>X-RateLimit-Remaining-&lt;Period&gt;</c>,
/// <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c>; over a limit, <c>error_code</c> with
/// <c>error_message</c> and <c>Retry-After</c> (kong/plugins/rate-limiting/handler.lua).
/// </summary>
internal sealed class RateLimitingPlugin : KongPlugin
{
    private static readonly string[] Periods = ["second", "minute", "hour", "day", "month", "year"];
    private readonly ImmutableArray<(string Period, long Limit)> _limits;
    private readonly string _limitBy;
    private readonly string? _headerName;
    private readonly string? _path;
    private readonly bool _hideClientHeaders;
    private readonly int _errorCode;
    private readonly string _errorMessage;
    private readonly ImmutableArray<string> _periodSuffixes;
    private readonly ImmutableArray<string> _limitHeaders;
    private readonly ImmutableArray<string> _remainingHeaders;
    private string? _keyPrefix;

    public RateLimitingPlugin(PluginConfig config)
    {
        _limits = [.. Periods.Select(p => (Period: p, Limit: config.Number(p))).Where(l => l.Limit is not null).Select(l => (l.Period, (long)l.Limit!.Value))];
        if (_limits.IsEmpty)
        {
            throw config.Error("second", "at least one of these fields must be non-empty: 'config.second', 'config.minute', 'config.hour', 'config.day', 'config.month', 'config.year'");
        }

        _periodSuffixes = [.. _limits.Select(l => ":" + l.Period)];
        _limitHeaders = [.. _limits.Select(l => "X-RateLimit-Limit-" + CultureInfo.InvariantCulture.TextInfo.ToTitleCase(l.Period))];
        _remainingHeaders = [.. _limits.Select(l => "X-RateLimit-Remaining-" + CultureInfo.InvariantCulture.TextInfo.ToTitleCase(l.Period))];
        _limitBy = config.String("limit_by", "consumer");
        _headerName = config.String("header_name");
        _path = config.String("path");
        _hideClientHeaders = config.Bool("hide_client_headers", false);
        _errorCode = (int)config.Integer("error_code", 429);
        _errorMessage = config.String("error_message", "API rate limit exceeded");
        var policy = config.String("policy", "local");
        if (policy != "local")
        {
            // Counters shared between nodes (cluster, redis) are not available on this data plane.
            throw config.Error("policy", $"the '{policy}' policy is not supported by this data plane (use 'local')");
        }

        if (_limitBy == "header" && _headerName is null)
        {
            throw config.Error("header_name", "required field missing when 'limit_by' is 'header'");
        }

        if (_limitBy == "path" && _path is null)
        {
            throw config.Error("path", "required field missing when 'limit_by' is 'path'");
        }
    }

    public override string Name => "rate-limiting";

    public override int Priority => 910;

    /// <summary>The scope whose route and service ids prefix the counters, as Kong's local policy keys them.</summary>
    public PluginScope Scope { get; init; } = PluginScope.Global;

    public override ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var now = context.Now;
        var prefix = _keyPrefix ??= string.Join(':', "ratelimit", Scope.RouteId, Scope.ServiceId) + ":";
        var identifier = Identifier(context);
        var count = _limits.Length;
        var keys = new string[count];
        var ends = new DateTimeOffset[count];
        var used = new long[count];
        var exceeded = -1;
        for (var i = 0; i < count; i++)
        {
            var (period, limit) = _limits[i];
            var (start, end) = Window(period, now);
            keys[i] = string.Concat(prefix, identifier, ":", start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), _periodSuffixes[i]);
            ends[i] = end;
            used[i] = context.Stores.CountOf(keys[i]);
            if (exceeded < 0 && limit - used[i] <= 0)
            {
                exceeded = i;
            }
        }

        var stop = exceeded >= 0;
        var headers = new List<KeyValuePair<string, string>>((2 * count) + 4);
        (long Limit, long Remaining, long Reset)? tightest = null;
        for (var i = 0; i < count; i++)
        {
            var limit = _limits[i].Limit;
            var remaining = Math.Max(0, limit - used[i] - (stop && i != exceeded ? 0 : 1));
            var reset = Math.Max(1, (long)Math.Ceiling((ends[i] - now).TotalSeconds));
            if (tightest is null || remaining < tightest.Value.Remaining)
            {
                tightest = (limit, remaining, reset);
            }

            headers.Add(new(_limitHeaders[i], Show(limit)));
            headers.Add(new(_remainingHeaders[i], Show(remaining)));
        }

        headers.Add(new("RateLimit-Limit", Show(tightest!.Value.Limit)));
        headers.Add(new("RateLimit-Remaining", Show(tightest.Value.Remaining)));
        headers.Add(new("RateLimit-Reset", Show(tightest.Value.Reset)));
        if (stop)
        {
            var retryAfter = Math.Max(1, (long)Math.Ceiling((ends[exceeded] - now).TotalSeconds));
            headers.Add(new("Retry-After", Show(retryAfter)));
            context.Error(_errorCode, _errorMessage, _hideClientHeaders ? [] : [.. headers]);
            return ValueTask.CompletedTask;
        }

        if (!_hideClientHeaders)
        {
            context.ResponseHeaders.AddRange(headers);
        }

        for (var i = 0; i < count; i++)
        {
            context.Stores.Increment(keys[i], ends[i]);
        }

        return ValueTask.CompletedTask;
    }

    private string Identifier(PluginContext context)
    {
        var id = _limitBy switch
        {
            "consumer" => context.Consumer?.IdText,
            "credential" => context.Credential?.Id.ToString(),
            "service" => context.Request.ServiceId?.ToString(),
            "header" => context.Http.Request.Headers[_headerName!].FirstOrDefault(),
            "path" => context.Http.Request.Path.Value == _path ? _path : null,
            "consumer-group" => context.ConsumerGroups.FirstOrDefault()?.Id.ToString(),
            _ => null,
        };
        return string.IsNullOrEmpty(id) ? context.ClientIp.ToString() : id;
    }

    /// <summary>The fixed window of <paramref name="period"/> containing <paramref name="now"/> (UTC calendar).</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Window(string period, DateTimeOffset now)
    {
        var t = now.UtcDateTime;
        var start = period switch
        {
            "second" => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, DateTimeKind.Utc),
            "minute" => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc),
            "hour" => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc),
            "day" => new DateTime(t.Year, t.Month, t.Day, 0, 0, 0, DateTimeKind.Utc),
            "month" => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        var end = period switch
        {
            "second" => start.AddSeconds(1),
            "minute" => start.AddMinutes(1),
            "hour" => start.AddHours(1),
            "day" => start.AddDays(1),
            "month" => start.AddMonths(1),
            _ => start.AddYears(1),
        };
        return (new DateTimeOffset(start), new DateTimeOffset(end));
    }

    private static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);
}
