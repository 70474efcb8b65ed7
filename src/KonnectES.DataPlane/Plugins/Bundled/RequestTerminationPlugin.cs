using System.Text;
using System.Text.Json.Nodes;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// request-termination (priority 2): answers with <c>status_code</c> and <c>message</c> (JSON) or <c>body</c> +
/// <c>content_type</c> (no body for a status without a message or a default one), without calling the upstream; with <c>trigger</c>, only when that header or query argument
/// is present; with <c>echo</c>, the answer describes the request (kong/plugins/request-termination/handler.lua).
/// </summary>
internal sealed class RequestTerminationPlugin : KongPlugin
{
    private readonly int _status;
    private readonly string? _message;
    private readonly string? _body;
    private readonly string? _contentType;
    private readonly string? _trigger;
    private readonly bool _echo;

    public RequestTerminationPlugin(PluginConfig config)
    {
        _status = (int)config.Integer("status_code", 503);
        _message = config.String("message");
        _body = config.String("body");
        _contentType = config.String("content_type");
        _trigger = config.String("trigger");
        _echo = config.Bool("echo", false);
        if (_status is < 100 or > 599)
        {
            throw config.Error("status_code", "value should be between 100 and 599");
        }

        if (_message is not null && (_body is not null || _contentType is not null))
        {
            throw config.Error("message", "message cannot be used with content_type or body");
        }
    }

    public override string Name => "request-termination";

    public override int Priority => 2;

    public override ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var request = context.Http.Request;
        if (_trigger is not null && !request.Headers.ContainsKey(_trigger) && !request.Query.ContainsKey(_trigger))
        {
            return ValueTask.CompletedTask;
        }

        if (_echo)
        {
            context.Respond(new PluginExit(_status, Encoding.UTF8.GetBytes(Echo(context).ToJsonString()), "application/json; charset=utf-8", []));
        }
        else if (_body is not null)
        {
            context.Respond(new PluginExit(_status, Encoding.UTF8.GetBytes(_body), _contentType ?? "application/json; charset=utf-8", []));
        }
        else if ((_message ?? DefaultMessage(_status)) is { } message)
        {
            // kong.response.exit with a table: plain JSON, no request id, whatever the client accepts.
            var body = new JsonObject { ["message"] = message }.ToJsonString();
            context.Respond(new PluginExit(_status, Encoding.UTF8.GetBytes(body), "application/json; charset=utf-8", []));
        }
        else
        {
            context.Respond(PluginExit.Empty(_status));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The plugin's own defaults; other statuses without a message get an empty body.</summary>
    private static string? DefaultMessage(int status) => status switch
    {
        401 => "Unauthorized",
        404 => "Not found",
        405 => "Method not allowed",
        500 => "An unexpected error occurred",
        502 => "Bad Gateway",
        503 => "Service unavailable",
        _ => null,
    };

    private JsonObject Echo(PluginContext context)
    {
        var request = context.Http.Request;
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = values.Count == 1 ? values[0] : new JsonArray([.. values.Select(v => (JsonNode?)v)]);
        }

        var query = new JsonObject();
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.Count == 1 ? values[0] : new JsonArray([.. values.Select(v => (JsonNode?)v)]);
        }

        return new JsonObject
        {
            ["message"] = _message ?? DefaultMessage(_status),
            ["request"] = new JsonObject
            {
                ["scheme"] = request.Scheme,
                ["host"] = request.Host.Host,
                ["port"] = request.Host.Port ?? (request.IsHttps ? 443 : 80),
                ["method"] = request.Method,
                ["path"] = request.Path.Value,
                ["headers"] = headers,
                ["query"] = query,
            },
            ["matched_route"] = context.Request.RouteId is { } r ? new JsonObject { ["id"] = r.ToString(), ["name"] = context.Request.RouteName } : null,
            ["matched_service"] = context.Request.ServiceId is { } s ? new JsonObject { ["id"] = s.ToString(), ["name"] = context.Request.ServiceName } : null,
        };
    }
}
