namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// The bodies Kong answers with when it cannot reach an upstream (kong/runloop/balancer and the nginx error pages of
/// kong/templates/nginx_kong.lua).
/// </summary>
internal static class KongProxyResponses
{
    /// <summary>503: the balancer found no healthy target.</summary>
    public const string NoPeer = """{"message":"failure to get a peer from the ring-balancer"}""";

    /// <summary>502: the connection failed or the upstream's answer could not be read.</summary>
    public const string BadGateway = """{"message":"An invalid response was received from the upstream server"}""";

    /// <summary>504: the upstream did not answer within the service's timeouts.</summary>
    public const string GatewayTimeout = """{"message":"The upstream server is timing out"}""";

    /// <summary>500: an unexpected error in the proxy.</summary>
    public const string InternalError = """{"message":"An unexpected error occurred"}""";
}
