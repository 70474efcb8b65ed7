using KonnectES.Domain.Analytics;
using KonnectES.EventStore;
using KonnectES.Projections.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.Projections.Tests.Analytics;

/// <summary>A real host with the event store, the traffic analytics and its daemon on a test database.</summary>
public sealed class TrafficHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TrafficHost(IHost host) => _host = host;

    public IEventStore Store => _host.Services.GetRequiredService<IEventStore>();

    public TrafficReportStore Reports => _host.Services.GetRequiredService<TrafficReportStore>();

    public TrafficAnalyticsReader Analytics => _host.Services.GetRequiredService<TrafficAnalyticsReader>();

    public TrafficRetention Retention => _host.Services.GetRequiredService<TrafficRetention>();

    public IProjectionDaemon Daemon => _host.Services.GetRequiredService<IProjectionDaemon>();

    public static async Task<TrafficHost> StartAsync(PostgresDatabase database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddEventStore(o =>
        {
            o.ConnectionString = database.ConnectionString;
            o.RegisterConfigEvents();
        }).AddConfigReadModels().AddTrafficAnalytics();
        var host = builder.Build();
        await host.StartAsync();
        return new TrafficHost(host);
    }

    /// <summary>Stores the reports for the control plane, then waits until the rollups have applied them.</summary>
    public async Task SendAsync(Guid controlPlaneId, IEnumerable<TrafficReport> reports)
    {
        foreach (var report in reports)
        {
            await Reports.AppendAsync(controlPlaneId, report);
        }

        await CatchUpAsync();
    }

    public Task CatchUpAsync() => ProjectionCatchUp.WaitAsync(Store, Daemon, "kes");

    /// <summary>
    /// Every row of a rollup table as text, in key order: keys, counts, bytes, stored percentiles and histogram buckets
    /// exactly; the latency sums (floating point, only good for means) rounded to 1 ns, since their rounding depends on
    /// the order of additions.
    /// </summary>
    public async Task<IReadOnlyList<string>> DumpAsync(string table)
    {
        await using var command = Store.DataSource.CreateCommand(
            $"""
            SELECT concat_ws(',', control_plane_id, bucket, service_id, route_id, consumer_id, status_class, node_id, requests, errors_4xx,
                errors_5xx, bytes_in, bytes_out, latency_p50, latency_p95, latency_p99, upstream_latency_p99, proxy_latency_p99),
                latency, upstream_latency, proxy_latency
            FROM konnectes.{table} ORDER BY control_plane_id, bucket, service_id, route_id, consumer_id, status_class, node_id
            """);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var histograms = Enumerable.Range(1, 3).Select(i => LatencyHistogram.FromBytes(reader.GetFieldValue<byte[]>(i))).ToList();
            rows.Add(string.Join(
                ',',
                [
                    reader.GetString(0),
                    .. histograms.Select(h => FormattableString.Invariant(
                        $"{h.ZeroCount}/{h.MaxMs:R}/{string.Join(' ', h.Buckets.Select(b => $"{b.Key}:{b.Value}"))}")),
                    .. histograms.Select(h => Math.Round(h.SumMs, 6).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ]));
        }

        return rows;
    }

    /// <summary>
    /// Every row of any rollup table of one control plane as text, in key order: every column exactly, histograms
    /// decoded with their sums rounded to 1 ns (see <see cref="DumpAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> DumpRowsAsync(string table, Guid controlPlaneId)
    {
        await using var command = Store.DataSource.CreateCommand($"SELECT * FROM konnectes.{table} t WHERE control_plane_id = $1 ORDER BY t");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = controlPlaneId });
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var fields = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                fields.Add(reader.IsDBNull(i) ? "null" : reader.GetValue(i) switch
                {
                    byte[] bytes when reader.GetName(i).EndsWith("latency", StringComparison.Ordinal) => Histogram(LatencyHistogram.FromBytes(bytes)),
                    byte[] bytes => Convert.ToHexString(bytes),
                    IFormattable value => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                    var value => value.ToString()!,
                });
            }

            rows.Add(string.Join(',', fields));
        }

        return rows;
    }

    private static string Histogram(LatencyHistogram h) => FormattableString.Invariant(
        $"{h.ZeroCount}/{h.MaxMs:R}/{Math.Round(h.SumMs, 6)}/{string.Join(' ', h.Buckets.Select(b => $"{b.Key}:{b.Value}"))}");

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = Store.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
