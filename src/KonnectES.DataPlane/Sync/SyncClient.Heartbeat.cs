namespace KonnectES.DataPlane.Sync;

/// <summary>The heartbeat loop: <c>POST /v1/status</c> every interval, and at once after an apply or a refusal.</summary>
internal sealed partial class SyncClient
{
    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
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
            }

            try
            {
                await _heartbeatNow.WaitAsync(_options.HeartbeatInterval, cancellationToken);
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

    private async Task SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        StatusReport report;
        lock (_gate)
        {
            var held = _held;
            report = new StatusReport(
                NodeId, _options.Hostname, _options.Version, held?.Version, held?.ConfigHash.ToString(), held?.SnapshotHash.ToString(),
                new Dictionary<string, string>(_options.Labels, StringComparer.Ordinal), _errors);
        }

        await _api.PostStatusAsync(report, cancellationToken);
        Counters.HeartbeatSent();
        Contacted();
    }
}
