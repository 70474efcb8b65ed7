using Microsoft.Extensions.Logging;

namespace KonnectES.EventStore;

internal static partial class EventStoreLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Event store schema {Schema} migrated to version {Version}")]
    public static partial void Migrated(ILogger logger, string schema, int version);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Sending the wake-up notification failed")]
    public static partial void NotifyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "An append participant failed after commit")]
    public static partial void ParticipantAfterCommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Projection {Projection} now runs in this process from {Position}")]
    public static partial void ProjectionAcquired(ILogger logger, string projection, Position position);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Projection {Projection} failed on a page (attempt {Attempt}); retrying")]
    public static partial void PageFailed(ILogger logger, Exception exception, string projection, int attempt);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Projection {Projection} dead-lettered event {EventType} at {Position}")]
    public static partial void DeadLettered(ILogger logger, Exception exception, string projection, string eventType, Position position);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Projection {Projection} runner lost its session; it will try to take over again")]
    public static partial void RunnerFailed(ILogger logger, Exception exception, string projection);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Projection {Projection} rebuilt: {Processed} events")]
    public static partial void Rebuilt(ILogger logger, string projection, long processed);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "The notification listener lost its connection; reconnecting")]
    public static partial void ListenerFailed(ILogger logger, Exception exception);
}
