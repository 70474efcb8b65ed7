namespace KonnectES.Proxy.Benchmarks;

/// <summary>The loopback ports of the run; the data plane keeps Kong's (8000 proxy, 8001 portal, 8100 status).</summary>
internal static class Ports
{
    public const int Upstream = 9101;
    public const int Nginx = 9102;
    public const int Yarp = 9103;
    public const int DataPlaneProxy = 8000;
    public const int Portal = 8001;
    public const int DataPlaneStatus = 8100;
}
