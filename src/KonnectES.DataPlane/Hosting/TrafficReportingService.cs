using System.Net.Http.Headers;
using KonnectES.DataPlane.Sync;
using KonnectES.DataPlane.Traffic;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Hosting;

/// <summary>Runs the <see cref="TrafficReporter"/> against the control plane the sync client talks to, with the same token.</summary>
internal sealed class TrafficReportingService(
    SyncClientOptions sync, SyncClient client, TrafficRecorder recorder, TrafficBuffer buffer, TrafficOptions options, ILogger<TrafficReporter> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var baseAddress = sync.ClusterUrl!.AbsoluteUri.EndsWith('/') ? sync.ClusterUrl : new Uri(sync.ClusterUrl.AbsoluteUri + "/");
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sync.Token);
        var reporter = new TrafficReporter(recorder, buffer, http, () => client.NodeId, options, logger);
        await reporter.RunAsync(stoppingToken);
    }
}
