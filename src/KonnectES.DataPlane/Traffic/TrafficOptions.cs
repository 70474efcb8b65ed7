using System.Globalization;

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

    /// <summary>How long a stopping data plane keeps trying to send what it still holds.</summary>
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reads <c>KONNECTES_TRAFFIC_FLUSH_SECONDS</c> (the <see cref="FlushInterval"/> in seconds, a positive number,
    /// fractions allowed); an absent setting keeps the default.
    /// </summary>
    /// <exception cref="FormatException">The setting is not a positive number of seconds.</exception>
    public TrafficOptions FromSettings(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (setting("KONNECTES_TRAFFIC_FLUSH_SECONDS") is { Length: > 0 } text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                throw new FormatException($"KONNECTES_TRAFFIC_FLUSH_SECONDS '{text}' is not a positive number of seconds.");
            }

            FlushInterval = TimeSpan.FromSeconds(seconds);
        }

        return this;
    }
}
