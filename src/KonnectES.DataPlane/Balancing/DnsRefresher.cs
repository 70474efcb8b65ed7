using Microsoft.Extensions.Hosting;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Re-resolves target hostnames of the current <see cref="UpstreamSet"/> once their cached answers expire and rebuilds
/// the balancers whose addresses changed, as Kong's balancer renews DNS records on their TTL.
/// </summary>
internal sealed class DnsRefresher : BackgroundService
{
    private readonly Func<UpstreamSet?> _current;
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;

    /// <param name="current">The set in force.</param>
    /// <param name="period">How often expiries are looked at (Kong's renewal timer runs every second).</param>
    /// <param name="time">The clock.</param>
    public DnsRefresher(Func<UpstreamSet?> current, TimeSpan? period = null, TimeProvider? time = null)
    {
        _current = current;
        _period = period ?? TimeSpan.FromSeconds(1);
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                _current()?.RefreshDns();
                await Task.Delay(_period, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
