using System.Text.Json;

namespace KonnectES.ControlPlane.Tests.Support;

/// <summary>
/// An independent fold of stored events into a plain dictionary (id → kind + JSON), without the domain state's
/// indexes, hash or helpers: what <see cref="ConfigHistory"/> returns is checked against it.
/// </summary>
internal sealed class PlainReducer
{
    private readonly Dictionary<Guid, string> _entities = [];

    public IReadOnlyDictionary<Guid, string> Entities => _entities;

    public static string Json(ConfigEntity entity) => entity.EntityType + ":" + JsonSerializer.Serialize(entity, entity.GetType(), DomainJson.Options);

    public static List<KeyValuePair<Guid, string>> Of(ControlPlaneConfig state) => [.. state.Entities.Select(e => KeyValuePair.Create(e.Id, Json(e))).OrderBy(p => p.Key)];

    public List<KeyValuePair<Guid, string>> Sorted() => [.. _entities.OrderBy(p => p.Key)];

    public void Apply(object @event)
    {
        switch (@event)
        {
            case ControlPlaneDeleted:
                _entities.Clear();
                break;
            case ConfigImported imported:
                Apply(imported.Changes);
                break;
            case ConfigRolledBack rolledBack:
                Apply(rolledBack.Changes);
                break;
            case IEntityEvent { Change: ChangeKind.Deleted } deleted:
                _entities.Remove(deleted.Entity.Id);
                break;
            case IEntityEvent upserted:
                _entities[upserted.Entity.Id] = Json(upserted.Entity);
                break;
        }
    }

    private void Apply(IEnumerable<EntityChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.After is null)
            {
                _entities.Remove(change.EntityId);
            }
            else
            {
                _entities[change.EntityId] = Json(change.After);
            }
        }
    }
}
