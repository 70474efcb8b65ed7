namespace KonnectES.DataPlane.Traffic;

/// <summary>How traffic reports are batched, buffered and sent.</summary>
internal sealed class TrafficOptions
{
    /// <summary>How often recorded rows are collected into a report and sending is tried.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most rows one report carries.</summary>
    public int MaxRowsPerReport { get; set; } = 5_000;

    /// <summary>
    /// The most rows kept while the control plane cannot be reached; beyond it the oldest reports are dropped (and
    /// counted), like Kong's <c>analytics_buffer_size_limit</c>.
    /// </summary>
    public int MaxBufferedRows { get; set; } = 200_000;
}
