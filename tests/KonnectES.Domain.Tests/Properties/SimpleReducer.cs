using System.Text.Json;

namespace KonnectES.Domain.Tests.Properties;

/// <summary>
/// An independent fold of the event stream into plain dictionaries (kind/id → JSON), written without
/// the state's indexes, hash or helpers, to check <see cref="ControlPlaneConfig.Evolve"/> against.
/// </summary>
internal sealed class SimpleReducer
{
    private readonly Dictionary<Guid, string> _entities = [];

    public IReadOnlyDictionary<Guid, string> Entities => _entities;

    public static string Json(ConfigEntity entity) => entity.EntityType + ":" + JsonSerializer.Serialize(entity, entity.GetType(), DomainJson.Options);

    public static Dictionary<Guid, string> Snapshot(ControlPlaneConfig state) => state.Entities.ToDictionary(e => e.Id, Json);

    public void Apply(IConfigEvent @event)
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
            default:
                ApplyEntityEvent(@event);
                break;
        }
    }

    private void ApplyEntityEvent(IConfigEvent @event)
    {
        var (entity, deleted) = @event switch
        {
            ServiceCreated e => (e.Service, false), ServiceUpdated e => (e.Service, false), ServiceDeleted e => ((ConfigEntity)e.Service, true),
            RouteCreated e => (e.Route, false), RouteUpdated e => (e.Route, false), RouteDeleted e => (e.Route, true),
            ConsumerCreated e => (e.Consumer, false), ConsumerUpdated e => (e.Consumer, false), ConsumerDeleted e => (e.Consumer, true),
            ConsumerGroupCreated e => (e.ConsumerGroup, false), ConsumerGroupUpdated e => (e.ConsumerGroup, false), ConsumerGroupDeleted e => (e.ConsumerGroup, true),
            ConsumerAddedToGroup e => (e.Member, false), ConsumerRemovedFromGroup e => (e.Member, true),
            UpstreamCreated e => (e.Upstream, false), UpstreamUpdated e => (e.Upstream, false), UpstreamDeleted e => (e.Upstream, true),
            TargetCreated e => (e.Target, false), TargetUpdated e => (e.Target, false), TargetDeleted e => (e.Target, true),
            PluginCreated e => (e.Plugin, false), PluginUpdated e => (e.Plugin, false), PluginDeleted e => (e.Plugin, true),
            CertificateCreated e => (e.Certificate, false), CertificateUpdated e => (e.Certificate, false), CertificateDeleted e => (e.Certificate, true),
            SniCreated e => (e.Sni, false), SniUpdated e => (e.Sni, false), SniDeleted e => (e.Sni, true),
            CaCertificateCreated e => (e.CaCertificate, false), CaCertificateUpdated e => (e.CaCertificate, false), CaCertificateDeleted e => (e.CaCertificate, true),
            CredentialCreated e => (e.Credential, false), CredentialUpdated e => (e.Credential, false), CredentialDeleted e => (e.Credential, true),
            _ => ((ConfigEntity?)null, false),
        };
        if (entity is null)
        {
            return;
        }

        if (deleted)
        {
            _entities.Remove(entity.Id);
        }
        else
        {
            _entities[entity.Id] = Json(entity);
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
