using KonnectES.Domain.Analytics;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// Stores received traffic reports as <see cref="TrafficReported"/> events. The report id is claimed in
/// <c>traffic_reports_seen</c> in the same transaction as the append, so a report sent twice (or by two nodes racing)
/// is stored once; a concurrent duplicate waits on the id's index entry and then finds it taken.
/// </summary>
public sealed class TrafficReportStore(IEventStore store, IOptions<ReadModelOptions> options, TimeProvider time)
{
    private readonly string _schema = options.Value.Schema;

    /// <summary>Stores <paramref name="report"/> for <paramref name="controlPlaneId"/>; false when its id was stored before.</summary>
    public async Task<bool> AppendAsync(Guid controlPlaneId, TrafficReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAppendAsync(controlPlaneId, report, cancellationToken);
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                // another report of the same node and hour took the stream's next version first: the transaction is gone, try again
            }
        }
    }

    private async Task<bool> TryAppendAsync(Guid controlPlaneId, TrafficReport report, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var claim = new Npgsql.NpgsqlCommand(
            $"INSERT INTO {_schema}.traffic_reports_seen (report_id, control_plane_id, node_id, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            connection, transaction))
        {
            claim.Parameters.Add(new Npgsql.NpgsqlParameter { Value = report.ReportId });
            claim.Parameters.Add(new Npgsql.NpgsqlParameter { Value = controlPlaneId });
            claim.Parameters.Add(new Npgsql.NpgsqlParameter { Value = report.NodeId });
            claim.Parameters.Add(new Npgsql.NpgsqlParameter { Value = receivedAt });
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        var streamId = TrafficStream.Id(controlPlaneId, report.NodeId, receivedAt);
        await using (var serialize = new Npgsql.NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction))
        {
            // reports of one node and hour share a stream: queue them instead of letting them race for its next version
            serialize.Parameters.Add(new Npgsql.NpgsqlParameter { Value = streamId.ToString("N") });
            await serialize.ExecuteNonQueryAsync(cancellationToken);
        }

        await store.AppendInTransactionAsync(
            transaction, streamId, ExpectedVersion.Any,
            [new TrafficReported(controlPlaneId, report.NodeId, report.ReportId, report.Rows)],
            new EventMetadata { Actor = $"data-plane:{report.NodeId:D}", CorrelationId = report.ReportId.ToString("D") },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
