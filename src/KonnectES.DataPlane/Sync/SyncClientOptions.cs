namespace KonnectES.DataPlane.Sync;

/// <summary>How a data plane reaches its control plane, who it says it is, and how it retries.</summary>
internal sealed class SyncClientOptions
{
    /// <summary>A control-plane node's cluster address (port 8005), e.g. <c>http://cp:8005</c>; <c>KONNECTES_CLUSTER_URL</c>.</summary>
    public Uri? ClusterUrl { get; set; }

    /// <summary>The data-plane token of one control plane; <c>KONNECTES_DP_TOKEN</c>.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Where the node id and the last good snapshot live; <c>KONNECTES_DATA_DIR</c> (default <c>./.konnectes</c>).
    /// </summary>
    public string DataDirectory { get; set; } = ".konnectes";

    /// <summary>The node id; when null, the one persisted in the data directory (created on first start).</summary>
    public Guid? NodeId { get; set; }

    /// <summary>The host name reported to the control plane.</summary>
    public string Hostname { get; set; } = Environment.MachineName;

    /// <summary>The data plane's version reported to the control plane.</summary>
    public string Version { get; set; } = typeof(SyncClientOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Free-form labels reported with every heartbeat (e.g. <c>region=eu</c>).</summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How often the client reports its status when nothing happens (Kong: 10 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the heartbeat loop looks whether a target's health changed between heartbeats; a change is reported at
    /// once instead of at the next heartbeat, and flaps within one interval make one report.
    /// </summary>
    public TimeSpan HealthWatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first reconnect delay's upper bound; it doubles on each failure.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest reconnect delay's upper bound.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How the client learns of changes.</summary>
    public SyncTransport Transport { get; set; } = SyncTransport.Auto;

    /// <summary>How long a long-poll request may wait at the node (at most 60 s).</summary>
    public TimeSpan LongPollWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of each request other than long-polls.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Fills what the environment gives: <c>KONNECTES_CLUSTER_URL</c>, <c>KONNECTES_DP_TOKEN</c>, <c>KONNECTES_DATA_DIR</c>.</summary>
    public SyncClientOptions FromSettings(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (setting("KONNECTES_CLUSTER_URL") is { Length: > 0 } url)
        {
            ClusterUrl = new Uri(url, UriKind.Absolute);
        }

        Token = setting("KONNECTES_DP_TOKEN") is { Length: > 0 } token ? token : Token;
        DataDirectory = setting("KONNECTES_DATA_DIR") is { Length: > 0 } dir ? dir : DataDirectory;
        return this;
    }

    /// <summary>The problems that prevent the client from starting; empty when none.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ClusterUrl is null || !ClusterUrl.IsAbsoluteUri || (ClusterUrl.Scheme != Uri.UriSchemeHttp && ClusterUrl.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("KONNECTES_CLUSTER_URL must be an absolute http:// or https:// address of a control-plane node's cluster port.");
        }

        if (string.IsNullOrWhiteSpace(Token))
        {
            errors.Add("KONNECTES_DP_TOKEN must hold a data-plane token.");
        }

        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            errors.Add("KONNECTES_DATA_DIR must name a directory.");
        }

        if (HeartbeatInterval <= TimeSpan.Zero || HealthWatchInterval <= TimeSpan.Zero || InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            errors.Add("The heartbeat and health watch intervals and backoff bounds must be positive, the maximum backoff at least the initial one.");
        }

        if (LongPollWait <= TimeSpan.Zero || LongPollWait > TimeSpan.FromSeconds(60))
        {
            errors.Add("The long-poll wait must be between 1 and 60 seconds.");
        }

        return errors;
    }
}
