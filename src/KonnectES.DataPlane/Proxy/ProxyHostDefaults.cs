using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Proxy;

/// <summary>Host settings that keep per-request work off the proxy's path.</summary>
internal static class ProxyHostDefaults
{
    /// <summary>
    /// The category ASP.NET Core's hosting layer logs requests under. Whenever it is enabled at any level (even only
    /// for Critical), hosting starts an <c>Activity</c> and a logging scope for every request, which costs a proxy
    /// more than its routing does. Besides the request start and finish lines it only logs startup failures, which also
    /// stop the host with their exception.
    /// </summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Turns the per-request hosting log (and with it the per-request activity and scope) off.</summary>
    public static void WithoutRequestLog(LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Rules.Add(new LoggerFilterRule(null, RequestLogCategory, LogLevel.None, null));
    }
}
