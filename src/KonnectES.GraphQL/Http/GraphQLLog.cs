using Microsoft.Extensions.Logging;

namespace KonnectES.GraphQL.Http;

/// <summary>The engine's log messages (event ids 3xxx).</summary>
internal static partial class GraphQLLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "GraphQL request refused with status {StatusCode}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "GraphQL request failed unexpectedly")]
    public static partial void RequestFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "GraphQL WebSocket closed with {CloseCode}: {Reason}")]
    public static partial void SocketClosed(ILogger logger, int closeCode, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "GraphQL subscription {Id} failed")]
    public static partial void SubscriptionFailed(ILogger logger, string id, Exception exception);
}
