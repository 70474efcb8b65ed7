using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace KonnectES.DataPlane.Proxy;

/// <summary>The proxy's log messages (event ids 57xx). Nothing is logged per request at Information.</summary>
internal static partial class ProxyLog
{
    [LoggerMessage(EventId = 5710, Level = LogLevel.Debug, Message = "Forwarding to {Destination} failed with {Error} (try {Try}): {Message}")]
    public static partial void ForwardFailed(ILogger logger, string destination, ForwarderError error, int @try, string? message);

    [LoggerMessage(EventId = 5711, Level = LogLevel.Information, Message = "Proxy listening on {ProxyUrl}, status on {StatusUrl}")]
    public static partial void Listening(ILogger logger, string proxyUrl, string statusUrl);
}
