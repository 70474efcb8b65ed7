using System.Text.Json;
using System.Text.Json.Serialization;

namespace KonnectES.Domain.Analytics;

/// <summary>The JSON form of traffic reports on the cluster port: snake_case members, as the rest of that protocol.</summary>
public static class TrafficReportJson
{
    /// <summary>The serializer options both ends use.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The report as JSON text.</summary>
    public static string Serialize(TrafficReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report; throws <see cref="JsonException"/> on malformed or incomplete input.</summary>
    public static TrafficReport Deserialize(string json)
    {
        var report = JsonSerializer.Deserialize<TrafficReport>(json, Options) ?? throw new JsonException("A traffic report cannot be null.");
        if (report.ReportId == Guid.Empty || report.NodeId == Guid.Empty || report.Rows is null)
        {
            throw new JsonException("A traffic report needs report_id, node_id and rows.");
        }

        foreach (var row in report.Rows)
        {
            if (row is null || row.Latency is null || row.UpstreamLatency is null || row.ProxyLatency is null || row.Count < 0 || row.Status is < 100 or > 999)
            {
                throw new JsonException("Every traffic row needs a status (100-999), a count and its three latency histograms.");
            }

            try
            {
                LatencyHistogram.Validate(row.Latency);
                LatencyHistogram.Validate(row.UpstreamLatency);
                LatencyHistogram.Validate(row.ProxyLatency);
            }
            catch (ArgumentException e)
            {
                throw new JsonException($"A traffic row's latency histogram is inconsistent: {e.Message}", e);
            }
        }

        return report;
    }
}
