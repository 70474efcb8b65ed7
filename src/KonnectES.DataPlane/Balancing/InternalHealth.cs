namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// lua-resty-healthcheck's four internal states: the two "mostly" states take traffic like their neighbours but
/// remember that counters started moving the other way (lib/resty/healthcheck.lua, <c>incr_counter</c>).
/// </summary>
internal enum InternalHealth
{
    /// <summary>Takes traffic; no failure counted since the last success.</summary>
    Healthy,

    /// <summary>Takes traffic; failures are being counted.</summary>
    MostlyHealthy,

    /// <summary>No traffic; successes are being counted.</summary>
    MostlyUnhealthy,

    /// <summary>No traffic.</summary>
    Unhealthy,
}
