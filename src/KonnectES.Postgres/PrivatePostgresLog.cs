using Microsoft.Extensions.Logging;

namespace KonnectES.Postgres;

internal static partial class PrivatePostgresLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Initialising a PostgreSQL {Version} cluster in {DataDirectory}")]
    public static partial void Initialising(ILogger logger, int version, string dataDirectory);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "PostgreSQL started from {DataDirectory} on 127.0.0.1:{Port}")]
    public static partial void Started(ILogger logger, string dataDirectory, int port);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Reusing the PostgreSQL server already running from {DataDirectory} on port {Port}")]
    public static partial void Adopted(ILogger logger, string dataDirectory, int port);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "PostgreSQL in {DataDirectory} stopped")]
    public static partial void Stopped(ILogger logger, string dataDirectory);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Starting PostgreSQL on port {Port} failed (attempt {Attempt}): {Output}")]
    public static partial void StartFailed(ILogger logger, int port, int attempt, string output);
}
