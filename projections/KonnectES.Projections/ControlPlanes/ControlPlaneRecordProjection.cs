using KonnectES.Domain;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections.ControlPlanes;

/// <summary>
/// Inline projection of the control planes: name, description, labels, created time and the current config version.
/// The name has a unique index, so of two appends that create (or rename to) the same name concurrently the second
/// fails inside its transaction and stores nothing: uniqueness without a lock or a registry stream.
/// </summary>
public sealed class ControlPlaneRecordProjection(IOptions<ReadModelOptions> options) : IProjection
{
    /// <summary>The unique index on control-plane names; a violation of it means "the name is taken".</summary>
    public const string UniqueNameIndex = "control_planes_name_key";

    private readonly string _schema = options.Value.Schema;

    /// <inheritdoc />
    public string Name => "control_planes";

    /// <inheritdoc />
    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        EventEnvelope? last = null;
        foreach (var (envelope, @event) in ConfigChanges.Events(events))
        {
            switch (@event)
            {
                case ControlPlaneCreated c:
                    context.AddCommand(
                        $"INSERT INTO {_schema}.control_planes (id, name, description, labels, created_at, updated_at, version) VALUES ($1, $2, $3, $4::jsonb, $5, $5, $6)",
                        envelope.StreamId, c.ControlPlane.Name, c.ControlPlane.Description, DomainJson.Serialize(c.ControlPlane.Labels), envelope.Timestamp, envelope.Version);
                    break;
                case ControlPlaneUpdated u:
                    context.AddCommand(
                        $"UPDATE {_schema}.control_planes SET name = $2, description = $3, labels = $4::jsonb WHERE id = $1",
                        envelope.StreamId, u.ControlPlane.Name, u.ControlPlane.Description, DomainJson.Serialize(u.ControlPlane.Labels));
                    break;
                case ControlPlaneDeleted:
                    context.AddCommand($"DELETE FROM {_schema}.control_planes WHERE id = $1", envelope.StreamId);
                    break;
            }

            if (last is not null && last.StreamId != envelope.StreamId)
            {
                AddVersion(context, last);
            }

            last = envelope;
        }

        if (last is not null)
        {
            AddVersion(context, last);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ResetAsync(ProjectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await ReadModelSchema.EnsureAsync(context.Connection, _schema, cancellationToken);
        context.AddCommand($"TRUNCATE {_schema}.control_planes");
    }

    private void AddVersion(ProjectionContext context, EventEnvelope last) => context.AddCommand(
        $"UPDATE {_schema}.control_planes SET version = $2, updated_at = $3 WHERE id = $1", last.StreamId, last.Version, last.Timestamp);
}
