using System.Collections.Immutable;

namespace KonnectES.DataPlane.Routing;

/// <summary>A response the router stage produces itself instead of proxying.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Headers">Headers to set (e.g. <c>Location</c>, <c>Upgrade</c>, <c>grpc-status</c>).</param>
/// <param name="Body">The JSON body, or null for none.</param>
internal sealed record RouterResponse(int StatusCode, ImmutableArray<KeyValuePair<string, string>> Headers, string? Body)
{
    /// <summary>The body's content type when there is one (Kong's default error format is JSON).</summary>
    public const string JsonContentType = "application/json; charset=utf-8";
}
