using Yarp.ReverseProxy.Forwarder;

namespace KonnectES.DataPlane;

/// <summary>Where the data plane's forwarding comes from: YARP's <see cref="IHttpForwarder"/>.</summary>
internal static class YarpAvailability
{
    /// <summary>The forwarder contract the proxy pipeline forwards through.</summary>
    public static Type Forwarder => typeof(IHttpForwarder);
}
