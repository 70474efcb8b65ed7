namespace KonnectES.DataPlane.Sync;

/// <summary>
/// The heartbeat loop: <c>POST /v1/status</c> every interval, at once after an apply or a refusal, and soon after a
/// target's health changed. The target health rides along only when it differs from what the control plane last
/// acknowledged; after a start, a failed heartbeat or a reconnection it is sent whole again.
/// </summary>
internal sealed partial class SyncClient
{
    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var generation = _health?.Generation;
            try
            {
                await SendHeartbeatAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The change channel reports the node's absence; a failed heartbeat is retried at the next tick.
                SyncLog.HeartbeatFailed(_logger, Describe(e));
                lock (_gate)
                {
                    ForgetAcknowledgedHealth();
                }
            }

            try
            {
                await WaitForNextHeartbeatAsync(generation, cancellationToken);
                while (_heartbeatNow.Wait(0, CancellationToken.None))
                {
                    // Several requests for a heartbeat since the last one: one is enough.
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Waits out the interval, or less when a heartbeat is asked for or the target health moved past <paramref name="generation"/>.</summary>
    private async Task WaitForNextHeartbeatAsync(long? generation, CancellationToken cancellationToken)
    {
        if (_health is null)
        {
            await _heartbeatNow.WaitAsync(_options.HeartbeatInterval, cancellationToken);
            return;
        }

        var due = DateTimeOffset.UtcNow + _options.HeartbeatInterval;
        while (DateTimeOffset.UtcNow < due)
        {
            var slice = TimeSpan.FromTicks(Math.Min(_options.HealthWatchInterval.Ticks, (due - DateTimeOffset.UtcNow).Ticks));
            if (slice <= TimeSpan.Zero || await _heartbeatNow.WaitAsync(slice, cancellationToken) || _health.Generation != generation)
            {
                return;
            }
        }
    }

    /// <summary>The next heartbeat sends the whole target health (under <c>_gate</c>).</summary>
    private void ForgetAcknowledgedHealth()
    {
        _healthAcknowledged = null;
        _healthEpoch++;
    }

    private async Task SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        var health = _health?.Read();
        StatusReport report;
        long epoch;
        lock (_gate)
        {
            epoch = _healthEpoch;
            var held = _held;
            var changed = health is not null && (_healthAcknowledged is null || !_healthAcknowledged.SequenceEqual(health));
            report = new StatusReport(
                NodeId, _options.Hostname, _options.Version, held?.Version, held?.ConfigHash.ToString(), held?.SnapshotHash.ToString(),
                new Dictionary<string, string>(_options.Labels, StringComparer.Ordinal), _errors, changed ? health : null);
        }

        await _api.PostStatusAsync(report, cancellationToken);
        if (report.TargetHealth is not null)
        {
            lock (_gate)
            {
                if (_healthEpoch == epoch)
                {
                    _healthAcknowledged = report.TargetHealth;
                }
            }

            Counters.TargetHealthSent();
        }

        Counters.HeartbeatSent();
        Contacted();
    }
}
