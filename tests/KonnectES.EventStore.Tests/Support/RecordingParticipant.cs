using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.EventStore.Tests.Support;

public sealed class RecordingParticipant(IOptions<EventStoreOptions> options) : IAppendParticipant
{
    public long VersionSeenInTransaction { get; private set; }

    public List<Guid> Committed { get; } = [];

    public async Task OnAppendingAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT max(version) FROM {options.Value.Schema}.events WHERE stream_id = $1", context.Connection, context.Transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = events[0].StreamId });
        VersionSeenInTransaction = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task OnCommittedAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        Committed.AddRange(events.Select(e => e.EventId));
        return Task.CompletedTask;
    }
}
