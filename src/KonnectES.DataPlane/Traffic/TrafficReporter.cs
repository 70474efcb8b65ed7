using System.Net.Http.Headers;
using System.Text;
using KonnectES.Domain.Analytics;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Traffic;

/// <summary>
/// Sends the recorder's rows to the control plane's <c>POST /v1/traffic</c> in batches: every flush interval it collects
/// the rows into reports (in the buffer) and sends the buffer oldest first, stopping at the first failure and trying
/// again at the next interval. It never blocks the proxy.
/// </summary>
internal sealed partial class TrafficReporter(
    TrafficRecorder recorder, TrafficBuffer buffer, HttpClient cluster, Func<Guid> nodeId, TrafficOptions options,
    ILogger<TrafficReporter> logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Reports the control plane accepted since start.</summary>
    public long Sent { get; private set; }

    /// <summary>Runs until cancelled, then makes one last attempt to send what it has.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the host stops the proxy listener (letting requests in flight finish) before this service,
            // so this last flush holds every request the data plane answered.
            using var lastTry = new CancellationTokenSource(options.ShutdownFlushTimeout, _time);
            if (!await FlushAsync(lastTry.Token))
            {
                LogUnsent(logger, buffer.Count);
            }
        }
    }

    /// <summary>Collects what was recorded into reports and sends the buffer; true when nothing is left to send.</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        var rows = recorder.Collect();
        for (var i = 0; i < rows.Count; i += options.MaxRowsPerReport)
        {
            buffer.Add(new TrafficReport(Guid.NewGuid(), nodeId(), _time.GetUtcNow(), [.. rows.Skip(i).Take(options.MaxRowsPerReport)]));
        }

        while (buffer.Peek() is { } report)
        {
            try
            {
                using var content = new StringContent(TrafficReportJson.Serialize(report), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                using var response = await cluster.PostAsync("v1/traffic", content, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    LogRefused(logger, (int)response.StatusCode, buffer.Count);
                    return false;
                }
            }
            catch (HttpRequestException exception)
            {
                LogUnreachable(logger, exception.Message, buffer.Count);
                return false;
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // the client's own timeout
                LogUnreachable(logger, exception.Message, buffer.Count);
                return false;
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            buffer.Remove(report);
            Sent++;
        }

        return true;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "The control plane refused a traffic report with status {Status}; {Buffered} report(s) kept for later")]
    private static partial void LogRefused(ILogger logger, int status, int buffered);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Stopping with {Buffered} traffic report(s) the control plane did not accept; they are lost")]
    private static partial void LogUnsent(ILogger logger, int buffered);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Traffic reports wait for the control plane ({Reason}); {Buffered} report(s) buffered")]
    private static partial void LogUnreachable(ILogger logger, string reason, int buffered);
}
