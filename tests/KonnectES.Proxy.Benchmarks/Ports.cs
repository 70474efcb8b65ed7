namespace KonnectES.Proxy.Benchmarks;

/// <summary>
/// The loopback ports of the run; the server's are Kong's plus 10,000 (18000 proxy, 18001 portal, 18005 cluster,
/// 18100 status; 19000 and 19100 for the data plane in its own process), so that a server or test suite on the usual ports does not collide with the run.
/// </summary>
internal static class Ports
{
    public const int Upstream = 9101;
    public const int Nginx = 9102;
    public const int Yarp = 9103;
    public const int DataPlaneProxy = 18000;
    public const int Portal = 18001;
    public const int Cluster = 18005;
    public const int DataPlaneStatus = 18100;

    /// <summary>The data plane in its own process (the <c>data-plane</c> role), next to the all-in-one server's embedded one.</summary>
    public const int SeparateProxy = 19000;

    public const int SeparateStatus = 19100;
}
