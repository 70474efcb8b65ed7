using System.Collections.Concurrent;
using System.Diagnostics;

namespace KonnectES.Server.Tests.Portal;

/// <summary>
/// Counts the SQL commands Npgsql sends, per trace: listens to Npgsql's and ASP.NET Core's activity sources, so a
/// request sent with a <c>traceparent</c> header gets its own trace id and every command it causes is a child of it.
/// Connection opens are not commands and are not counted.
/// </summary>
internal sealed class DatabaseCommands : IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, int> _commands = new();
    private readonly ActivityListener _listener;

    public DatabaseCommands()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is not null)
                {
                    _commands.AddOrUpdate(activity.TraceId, 1, (_, n) => n + 1);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>A new trace: its id, and the <c>traceparent</c> header value that starts a request in it.</summary>
    public static (ActivityTraceId Trace, string TraceParent) NewTrace()
    {
        var trace = ActivityTraceId.CreateRandom();
        return (trace, $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
    }

    /// <summary>How many commands were sent within the trace.</summary>
    public int In(ActivityTraceId trace) => _commands.GetValueOrDefault(trace);

    public void Dispose() => _listener.Dispose();
}
