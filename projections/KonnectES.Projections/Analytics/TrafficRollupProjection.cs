using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// Async projection of <see cref="TrafficReported"/> into per-minute, per-hour and per-day rollups at every
/// <see cref="RollupLevel"/>: by control plane, service, route, consumer, status-code class and data plane, and
/// narrower. A page of events is folded in memory first (<see cref="RollupFold"/>), then the stored rows of every
/// touched key are read in one round trip, merged (counts add up, histograms merge bucket by bucket) and written back
/// in one more, so the result does not depend on how events were paged: a rebuild gives the same rows as live processing.
/// </summary>
public sealed partial class TrafficRollupProjection(IOptions<ReadModelOptions> options) : IProjection
{
    /// <summary>A page with more report rows than this is written in several steps, so memory stays bounded.</summary>
    private const int SourceRowsPerWrite = 20_000;

    private readonly string _schema = options.Value.Schema;

    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "traffic_rollups";

    /// <inheritdoc />
    public string Name => ProjectionName;

    /// <inheritdoc />
    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var fold = new RollupFold();
        foreach (var envelope in events)
        {
            if (envelope.Data is not TrafficReported report)
            {
                continue;
            }

            fold.Add(report);
            if (fold.SourceRows >= SourceRowsPerWrite)
            {
                await WriteAsync(context, fold, cancellationToken);
                fold = new RollupFold();
            }
        }

        if (fold.SourceRows > 0)
        {
            await WriteAsync(context, fold, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task ResetAsync(ProjectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var command = new NpgsqlCommand(
            AnalyticsSchema.Ddl(_schema) + $"TRUNCATE {string.Join(", ", AnalyticsSchema.Tables(_schema))};",
            context.Connection, context.Transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
