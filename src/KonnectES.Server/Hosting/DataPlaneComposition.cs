using System.Security.Cryptography;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Sync;

namespace KonnectES.Server.Hosting;

/// <summary>
/// The data plane's part of the host: in the <c>data-plane</c> role alone (no database at all), and in all-in-one mode
/// next to the control plane, syncing with it through the cluster port like any other data plane.
/// </summary>
internal static class DataPlaneComposition
{
    /// <summary>The name the embedded data plane's internal token is registered under.</summary>
    public const string EmbeddedTokenName = "embedded-data-plane";

    /// <summary>The name a <c>KONNECTES_DP_TOKEN</c> given to a control-plane node is registered under.</summary>
    public const string EnvironmentTokenName = "KONNECTES_DP_TOKEN";

    /// <summary>
    /// The problems that keep the <c>data-plane</c> role from starting (a missing cluster address or token); empty when none.
    /// </summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration["KONNECTES_CLUSTER_URL"]))
        {
            problems.Add("KONNECTES_CLUSTER_URL is not set: give the control plane's cluster address, e.g. http://cp:8005.");
        }
        else if (!Uri.TryCreate(configuration["KONNECTES_CLUSTER_URL"], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            problems.Add($"KONNECTES_CLUSTER_URL '{configuration["KONNECTES_CLUSTER_URL"]}' is not an absolute http:// or https:// address.");
        }

        if (string.IsNullOrWhiteSpace(configuration["KONNECTES_DP_TOKEN"]))
        {
            problems.Add("KONNECTES_DP_TOKEN is not set: give a data-plane token of the control plane (createDataPlaneToken in the portal).");
        }

        return problems;
    }

    /// <summary>
    /// The <c>data-plane</c> role: the proxy (plain and TLS) and the status listener, syncing from
    /// <c>KONNECTES_CLUSTER_URL</c>.
    /// </summary>
    public static WebApplicationBuilder AddDataPlaneRole(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var proxy = new ProxyOptions().FromSettings(name => configuration[name]);
        builder.WebHost.UseUrls(proxy.Urls);
        ConfigureKestrel(builder);
        builder.Services.AddSingleton(new RunningRole(ServerRole.DataPlane));
        builder.Services.AddDataPlane(proxy, o => ConfigureSync(o.FromSettings(name => configuration[name]), configuration));
        return builder;
    }

    /// <summary>
    /// All-in-one mode: an embedded data plane on 8000/8443/8100 (loopback) that syncs with this process's cluster port with an internal
    /// token of the <c>default</c> control plane (a new one each start, registered under <see cref="EmbeddedTokenName"/>).
    /// </summary>
    public static ProxyOptions AddEmbeddedDataPlane(this WebApplicationBuilder builder, ClusterListener cluster)
    {
        var configuration = builder.Configuration;
        var proxy = new ProxyOptions { ProxyUrl = "http://127.0.0.1:8000", ProxySslUrl = "https://127.0.0.1:8443", StatusUrl = "http://127.0.0.1:8100" }.FromSettings(name => configuration[name]);
        ConfigureKestrel(builder);
        var token = "kdp_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        builder.Services.AddSingleton(new DataPlaneTokenSetting(token, EmbeddedTokenName, "default"));
        builder.Services.AddDataPlane(proxy, o =>
        {
            o.ClusterUrl = new Uri($"http://127.0.0.1:{cluster.Port}/");
            o.Token = token;
            o.DataDirectory = Path.Combine(configuration["KONNECTES_DATA_DIR"] ?? ".konnectes", "data-plane");
            ConfigureSync(o, configuration);
        });
        return proxy;
    }

    private static void ConfigureSync(SyncClientOptions options, IConfiguration configuration)
    {
        if (configuration.GetValue<double?>("DataPlane:HeartbeatSeconds") is { } heartbeat)
        {
            options.HeartbeatInterval = TimeSpan.FromSeconds(heartbeat);
        }

        if (configuration.GetValue<double?>("DataPlane:MaxBackoffSeconds") is { } backoff)
        {
            options.MaxBackoff = TimeSpan.FromSeconds(backoff);
            options.InitialBackoff = TimeSpan.FromSeconds(Math.Min(backoff, options.InitialBackoff.TotalSeconds));
        }
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder)
    {
        // Nothing is logged per proxied request at Information; ASP.NET Core's request logs would.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(o =>
        {
            // Kong's responses carry their own Server header (kong/<version> or the upstream's).
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = null;
        });
    }
}
