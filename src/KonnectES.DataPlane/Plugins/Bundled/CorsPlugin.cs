using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// cors (priority 2000): answers preflights itself (200, unless <c>preflight_continue</c>) and adds
/// <c>Access-Control-*</c> headers to actual responses; origins are <c>*</c>, exact origins or regexes
/// (kong/plugins/cors/handler.lua).
/// </summary>
internal sealed partial class CorsPlugin : KongPlugin
{
    private readonly ImmutableArray<string> _origins;
    private readonly ImmutableArray<(string Origin, Regex? Pattern)> _matchers;
    private readonly string? _headers;
    private readonly string? _exposedHeaders;
    private readonly string _methods;
    private readonly string? _maxAge;
    private readonly bool _credentials;
    private readonly bool _privateNetwork;
    private readonly bool _preflightContinue;
    private readonly bool _allowOriginAbsent;

    public CorsPlugin(PluginConfig config)
    {
        _origins = config.Strings("origins");
        _matchers = [.. _origins.Select(o => (Origin: o, Pattern: PlainOrigin().IsMatch(o) || o == "*" ? null : Compile(config, o)))];
        var headers = config.Strings("headers");
        _headers = headers.IsEmpty ? null : string.Join(',', headers);
        var exposed = config.Strings("exposed_headers");
        _exposedHeaders = exposed.IsEmpty ? null : string.Join(',', exposed);
        _methods = string.Join(',', config.Strings("methods", "GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"));
        _maxAge = config.Number("max_age") is { } age ? age.ToString(CultureInfo.InvariantCulture) : null;
        _credentials = config.Bool("credentials", false);
        _privateNetwork = config.Bool("private_network", false);
        _preflightContinue = config.Bool("preflight_continue", false);
        _allowOriginAbsent = config.Bool("allow_origin_absent", true);
    }

    public override string Name => "cors";

    public override int Priority => 2000;

    public override ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var request = context.Http.Request;
        if (!HttpMethods.IsOptions(request.Method) || !request.Headers.ContainsKey("Access-Control-Request-Method") || _preflightContinue)
        {
            return ValueTask.CompletedTask;
        }

        var headers = new List<KeyValuePair<string, string>>();
        var allowAll = ConfigureOrigin(request, headers);
        ConfigureCredentials(request, headers, allowAll);
        var requested = request.Headers.AccessControlRequestHeaders.ToString();
        if ((_headers ?? (requested.Length > 0 ? requested : null)) is { } allowHeaders)
        {
            headers.Add(new("Access-Control-Allow-Headers", allowHeaders));
        }

        headers.Add(new("Access-Control-Allow-Methods", _methods));
        if (_maxAge is not null)
        {
            headers.Add(new("Access-Control-Max-Age", _maxAge));
        }

        if (_privateNetwork && string.Equals(request.Headers["Access-Control-Request-Private-Network"], "true", StringComparison.OrdinalIgnoreCase))
        {
            headers.Add(new("Access-Control-Allow-Private-Network", "true"));
        }

        context.Set(this, this);
        context.Respond(new PluginExit(200, [], null, [.. headers]));
        return ValueTask.CompletedTask;
    }

    public override void HeaderFilter(PluginContext context)
    {
        var request = context.Http.Request;
        if (context.Get<CorsPlugin>(this) is not null || (!_allowOriginAbsent && !request.Headers.ContainsKey("Origin")))
        {
            return; // A preflight this plugin answered already carries its headers.
        }

        var headers = new List<KeyValuePair<string, string>>();
        var allowAll = ConfigureOrigin(request, headers);
        ConfigureCredentials(request, headers, allowAll);
        if (_exposedHeaders is not null)
        {
            headers.Add(new("Access-Control-Expose-Headers", _exposedHeaders));
        }

        var response = context.Http.Response.Headers;
        foreach (var (name, value) in headers)
        {
            if (name == "Vary")
            {
                AddVary(response, value);
            }
            else
            {
                response[name] = value;
            }
        }
    }

    /// <summary>Adds the Allow-Origin header; true when every origin is allowed (<c>*</c>).</summary>
    private bool ConfigureOrigin(HttpRequest request, List<KeyValuePair<string, string>> headers)
    {
        if (_origins.IsEmpty || (_origins.Length == 1 && _origins[0] == "*"))
        {
            headers.Add(new("Access-Control-Allow-Origin", "*"));
            return true;
        }

        headers.Add(new("Vary", "Origin"));
        if (_origins.Length == 1 && _matchers[0].Pattern is null)
        {
            headers.Add(new("Access-Control-Allow-Origin", _origins[0]));
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && _matchers.Any(m => Matches(m, origin)))
        {
            headers.Add(new("Access-Control-Allow-Origin", origin));
        }

        return false;
    }

    private void ConfigureCredentials(HttpRequest request, List<KeyValuePair<string, string>> headers, bool allowAll)
    {
        if (!_credentials)
        {
            return;
        }

        if (!allowAll)
        {
            headers.Add(new("Access-Control-Allow-Credentials", "true"));
            return;
        }

        // Allow-Credentials cannot go with Allow-Origin '*': echo the request's origin instead.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            headers.RemoveAll(h => h.Key == "Access-Control-Allow-Origin");
            headers.Add(new("Access-Control-Allow-Origin", origin));
            headers.Add(new("Access-Control-Allow-Credentials", "true"));
            headers.Add(new("Vary", "Origin"));
        }
    }

    private static bool Matches((string Origin, Regex? Pattern) matcher, string origin)
    {
        if (matcher.Origin == "*")
        {
            return true;
        }

        if (matcher.Pattern is null)
        {
            return string.Equals(Normalize(matcher.Origin), Normalize(origin), StringComparison.OrdinalIgnoreCase);
        }

        try
        {
            return matcher.Pattern.IsMatch(origin);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>scheme://host[:port] with the scheme's default port left out.</summary>
    private static string Normalize(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : origin;

    private static void AddVary(IHeaderDictionary response, string value)
    {
        var existing = response.Vary.ToString();
        if (!existing.Split(',').Any(v => v.Trim().Equals(value, StringComparison.OrdinalIgnoreCase)))
        {
            response.Vary = existing.Length == 0 ? value : existing + ", " + value;
        }
    }

    private static Regex Compile(PluginConfig config, string origin)
    {
        try
        {
            return new Regex("^(?:" + origin + ")$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            throw config.Error("origins", "not a valid regex: " + origin);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9.:/-]+$")]
    private static partial Regex PlainOrigin();
}
