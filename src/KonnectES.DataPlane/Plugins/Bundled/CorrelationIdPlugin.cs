using System.Globalization;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// correlation-id (priority 100001): keeps the client's <c>header_name</c> value or generates one
/// (<c>uuid</c>, <c>uuid#counter</c>, <c>tracker</c>) and sends it upstream; <c>echo_downstream</c> returns it
/// in the response (kong/plugins/correlation-id/handler.lua).
/// </summary>
internal sealed class CorrelationIdPlugin(PluginConfig config) : KongPlugin
{
    private readonly string _headerName = config.String("header_name", "Kong-Request-ID");
    private readonly string _generator = config.String("generator", "uuid#counter") is var g && g is "uuid" or "uuid#counter" or "tracker"
        ? g
        : throw config.Error("generator", "expected one of: uuid, uuid#counter, tracker");
    private readonly bool _echoDownstream = config.Bool("echo_downstream", false);

    public override string Name => "correlation-id";

    public override int Priority => 100001;

    public override ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var headers = context.Http.Request.Headers;
        var id = headers[_headerName].FirstOrDefault();
        if (string.IsNullOrEmpty(id))
        {
            id = Generate(context);
            headers[_headerName] = id;
        }

        context.Set(this, id);
        return ValueTask.CompletedTask;
    }

    public override void HeaderFilter(PluginContext context)
    {
        if (_echoDownstream && context.Get<string>(this) is { } id)
        {
            context.Http.Response.Headers[_headerName] = id;
        }
    }

    private string Generate(PluginContext context) => _generator switch
    {
        "uuid" => Guid.NewGuid().ToString(),
        "uuid#counter" => context.Stores.WorkerId + "#" + context.Stores.NextSequence().ToString(CultureInfo.InvariantCulture),
        _ => Tracker(context),
    };

    /// <summary>Kong's tracker: server address, server port, process id, connection, requests on it, time.</summary>
    private static string Tracker(PluginContext context)
    {
        var connection = context.Http.Connection;
        var now = context.Now.ToUnixTimeMilliseconds() / 1000.0;
        return string.Join('-',
            connection.LocalIpAddress?.ToString() ?? "127.0.0.1",
            connection.LocalPort.ToString(CultureInfo.InvariantCulture),
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            connection.Id,
            context.Stores.NextSequence().ToString(CultureInfo.InvariantCulture),
            now.ToString("0.000", CultureInfo.InvariantCulture));
    }
}
