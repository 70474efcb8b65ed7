using System.Net;

namespace KonnectES.DataPlane.Sync;

/// <summary>A control-plane node answered with an error status (the body's <c>message</c> included).</summary>
internal sealed class ClusterRequestException(HttpStatusCode statusCode, string message, bool fullSync = false)
    : Exception($"{(int)statusCode} {statusCode}: {message}")
{
    /// <summary>The status code.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The node asks for a full snapshot (<c>409 {"full_sync": true}</c>: the data plane is ahead).</summary>
    public bool FullSync { get; } = fullSync;
}
