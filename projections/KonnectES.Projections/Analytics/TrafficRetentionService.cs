using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections.Analytics;

/// <summary>Runs <see cref="TrafficRetention"/> every <see cref="AnalyticsOptions.RetentionInterval"/>.</summary>
internal sealed class TrafficRetentionService(TrafficRetention retention, IOptions<AnalyticsOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await retention.PurgeAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Npgsql.NpgsqlException)
            {
                // the database is unavailable for now: the next tick tries again
            }
        }
    }
}
