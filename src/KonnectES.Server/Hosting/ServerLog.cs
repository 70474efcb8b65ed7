namespace KonnectES.Server.Hosting;

/// <summary>The host's log messages (event ids 49xx, the control plane's range).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 4901, Level = LogLevel.Information, Message = "{Service} stopped without reaching the database: {Reason}")]
    public static partial void StopWithoutDatabase(ILogger logger, string service, string reason);
}
