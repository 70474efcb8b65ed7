namespace KonnectES.Projections.Analytics;

/// <summary>A dimension traffic can be grouped by.</summary>
public enum TrafficDimension
{
    /// <summary>The service (<c>serviceId</c>).</summary>
    Service,

    /// <summary>The matched route (<c>routeId</c>).</summary>
    Route,

    /// <summary>The authenticated consumer (<c>consumerId</c>).</summary>
    Consumer,

    /// <summary>The status-code class, <c>2xx</c> to <c>5xx</c> (<c>statusCodeClass</c>).</summary>
    StatusCodeClass,

    /// <summary>The data-plane node (<c>dataPlaneId</c>).</summary>
    DataPlane,
}
