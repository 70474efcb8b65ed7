using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Runs Kong's active health checks for the current <see cref="UpstreamSet"/>: every <c>healthy.interval</c> seconds
/// it probes the addresses that take traffic, every <c>unhealthy.interval</c> seconds those that do not (an interval of
/// 0 switches that half off; the first round comes one interval after start), at most <c>concurrency</c> probes at a
/// time per upstream. Results go through the same counters as passive checks, so a recovered target comes back.
/// Schedules are kept per upstream id, so a recompiled configuration does not restart them.
/// </summary>
internal sealed class ActiveHealthChecker : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly Func<UpstreamSet?> _current;
    private readonly ILogger<ActiveHealthChecker> _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(Guid Upstream, bool Healthy), Schedule> _schedules = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <param name="current">The set in force (read once per tick, so swaps are picked up).</param>
    /// <param name="logger">Where health changes are logged.</param>
    /// <param name="time">The clock.</param>
    public ActiveHealthChecker(Func<UpstreamSet?> current, ILogger<ActiveHealthChecker> logger, TimeProvider? time = null)
    {
        _current = current;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    StartDueRounds(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    BalancingLog.CheckFailed(_logger, "*", ex);
                }

                await Task.Delay(Tick, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            await Task.WhenAll(_running.Keys);
        }
    }

    private void StartDueRounds(CancellationToken cancellationToken)
    {
        if (_current() is not { } set)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var key in _schedules.Keys.Where(k => set.FindById(k.Upstream) is null))
        {
            _schedules.TryRemove(key, out _);
        }

        foreach (var balancer in set.Balancers)
        {
            if (!balancer.Definition.UsesActiveChecks)
            {
                continue;
            }

            var active = balancer.Definition.Healthchecks.Active;
            StartRound(balancer, healthy: true, active.Healthy.Interval, now, cancellationToken);
            StartRound(balancer, healthy: false, active.Unhealthy.Interval, now, cancellationToken);
        }
    }

    private void StartRound(Balancer balancer, bool healthy, double interval, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (interval <= 0)
        {
            return;
        }

        var schedule = _schedules.GetOrAdd((balancer.Id, healthy), _ => new Schedule { LastRun = now });
        if (schedule.Running || now - schedule.LastRun < TimeSpan.FromSeconds(interval))
        {
            return;
        }

        var addresses = balancer.Addresses
            .Where(a => a.Weight > 0 && a.Health.IsHealthy == healthy)
            .ToList();
        schedule.LastRun = now;
        if (addresses.Count == 0)
        {
            return;
        }

        schedule.Running = true;
        var round = Task.Run(() => RunRoundAsync(balancer, addresses, schedule, cancellationToken), CancellationToken.None);
        _running.TryAdd(round, 0);
        round.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task RunRoundAsync(Balancer balancer, List<BalancerAddress> addresses, Schedule schedule, CancellationToken cancellationToken)
    {
        try
        {
            var options = new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, balancer.Definition.Healthchecks.Active.Concurrency),
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(addresses, options, async (address, token) =>
            {
                var wasHealthy = address.Health.IsHealthy;
                var result = await HealthProbe.ProbeAsync(balancer, address, token);
                BalancingLog.Probed(_logger, balancer.Name, $"{address.Ip}:{address.Port}", result.Outcome, result.StatusCode);
                balancer.ReportProbe(address, result);
                if (wasHealthy != address.Health.IsHealthy)
                {
                    BalancingLog.HealthChanged(_logger, balancer.Name, $"{address.Ip}:{address.Port}", address.Target.Target,
                        address.Health.IsHealthy ? TargetHealthStatus.Healthy : TargetHealthStatus.Unhealthy);
                }
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
        catch (Exception ex)
        {
            BalancingLog.CheckFailed(_logger, balancer.Name, ex);
        }
        finally
        {
            schedule.Running = false;
        }
    }

    private sealed class Schedule
    {
        public DateTimeOffset LastRun { get; set; }

        public volatile bool Running;
    }
}
