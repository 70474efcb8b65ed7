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

    public RateLimitingPlugin(PluginConfig config)
    {
        _limits = [.. Periods.Select(p => (Period: p, Limit: config.Number(p))).Where(l => l.Limit is not null).Select(l => (l.Period, (long)l.Limit!.Value))];
        if (_limits.IsEmpty)
        {
            throw config.Error("second", "at least one of these fields must be non-empty: 'config.second', 'config.minute', 'config.hour', 'config.day', 'config.month', 'config.year'");
        }

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
        var identifier = Identifier(context);
        var windows = _limits.Select(l =>
        {
            var (start, end) = Window(l.Period, now);
            var key = string.Join(':', "ratelimit", Scope.RouteId, Scope.ServiceId, identifier, start.ToUnixTimeSeconds(), l.Period);
            return (l.Period, l.Limit, Key: key, End: end, Used: context.Stores.CountOf(key));
        }).ToList();

        var exceeded = windows.FirstOrDefault(w => w.Limit - w.Used <= 0);
        var stop = exceeded.Key is not null;
        var headers = new List<KeyValuePair<string, string>>();
        (long Limit, long Remaining, long Reset)? tightest = null;
        foreach (var w in windows)
        {
            var remaining = Math.Max(0, w.Limit - w.Used - (stop && w.Key != exceeded.Key ? 0 : 1));
            var reset = Math.Max(1, (long)Math.Ceiling((w.End - now).TotalSeconds));
            if (tightest is null || remaining < tightest.Value.Remaining)
            {
                tightest = (w.Limit, remaining, reset);
            }

            var period = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.Period);
            headers.Add(new("X-RateLimit-Limit-" + period, Show(w.Limit)));
            headers.Add(new("X-RateLimit-Remaining-" + period, Show(remaining)));
        }

        headers.Add(new("RateLimit-Limit", Show(tightest!.Value.Limit)));
        headers.Add(new("RateLimit-Remaining", Show(tightest.Value.Remaining)));
        headers.Add(new("RateLimit-Reset", Show(tightest.Value.Reset)));
        if (stop)
        {
            var retryAfter = Math.Max(1, (long)Math.Ceiling((exceeded.End - now).TotalSeconds));
            headers.Add(new("Retry-After", Show(retryAfter)));
            context.Error(_errorCode, _errorMessage, _hideClientHeaders ? [] : [.. headers]);
            return ValueTask.CompletedTask;
        }

        if (!_hideClientHeaders)
        {
            context.ResponseHeaders.AddRange(headers);
        }

        foreach (var w in windows)
        {
            context.Stores.Increment(w.Key, w.End);
        }

        return ValueTask.CompletedTask;
    }

    private string Identifier(PluginContext context)
    {
        var id = _limitBy switch
        {
            "consumer" => context.Consumer?.Id.ToString(),
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
