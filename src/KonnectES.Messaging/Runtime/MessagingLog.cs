using Microsoft.Extensions.Logging;

namespace KonnectES.Messaging.Runtime;

internal static partial class MessagingLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Messaging schema {Schema} is up to date")]
    public static partial void Migrated(ILogger logger, string schema);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Messaging node {NodeNumber} ({NodeName}) started")]
    public static partial void NodeStarted(ILogger logger, int nodeNumber, string nodeName);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Messaging node {NodeNumber} stopped and released its messages")]
    public static partial void NodeStopped(ILogger logger, int nodeNumber);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Released {Count} messages claimed by dead nodes")]
    public static partial void DeadNodesReleased(ILogger logger, int count);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Messaging heartbeat failed")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Message {MessageId} ({MessageType}) moved to dead letters after {Attempts} attempts")]
    public static partial void DeadLettered(ILogger logger, Exception exception, Guid messageId, string messageType, int attempts);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Message {MessageId} ({MessageType}) failed attempt {Attempt}; retrying in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, Exception exception, Guid messageId, string messageType, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "Message {MessageId} was already handled; duplicate dropped")]
    public static partial void DuplicateDropped(ILogger logger, Guid messageId);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "A relay cycle failed; its claimed messages are retried after the claim lease")]
    public static partial void RelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Debug, Message = "Lost the claim of a batch from outbox row {Seq} (lease expired); another node dispatches it")]
    public static partial void ClaimLost(ILogger logger, long seq);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Listening on {OutboxChannel} and {BroadcastChannel}")]
    public static partial void ListenerConnected(ILogger logger, string outboxChannel, string broadcastChannel);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "The notification listener lost its connection; reconnecting in {Delay}")]
    public static partial void ListenerFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "The notification listener did not connect within {Timeout}; polling until it does")]
    public static partial void ListenerSlow(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "Broadcast {MessageId} ({MessageType}) dead-lettered on this node after {Attempts} attempts")]
    public static partial void BroadcastDeadLettered(ILogger logger, Exception exception, Guid messageId, string messageType, int attempts);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Broadcast {MessageId} ({MessageType}) failed attempt {Attempt}; retrying in {Delay}")]
    public static partial void BroadcastRetry(ILogger logger, Exception exception, Guid messageId, string messageType, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Error, Message = "The broadcast receiver failed; it resumes from broadcast {Cursor}")]
    public static partial void BroadcastReceiverFailed(ILogger logger, Exception exception, long cursor);
}
