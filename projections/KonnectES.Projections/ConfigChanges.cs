using System.Text.Json;
using KonnectES.Domain;
using KonnectES.EventStore;

namespace KonnectES.Projections;

/// <summary>Flattens configuration events into per-entity changes, the unit every read model works in.</summary>
internal static class ConfigChanges
{
    /// <summary>
    /// The entity changes an event carries, in application order. For a deletion, <c>Entity</c> is the deleted state.
    /// Control-plane events carry none (<see cref="ControlPlaneDeleted"/> is handled by each read model as a whole).
    /// </summary>
    public static IEnumerable<(ChangeKind Change, ConfigEntity Entity)> Of(IConfigEvent @event) => @event switch
    {
        IEntityEvent e => [(e.Change, e.Entity)],
        ConfigImported i => i.Changes.Select(c => (c.Change, (c.After ?? c.Before)!)),
        ConfigRolledBack r => r.Changes.Select(c => (c.Change, (c.After ?? c.Before)!)),
        _ => [],
    };

    /// <summary>The table (and snapshot section) name of a kind: <c>services</c>, <c>consumer_group_members</c>, <c>ca_certificates</c>…</summary>
    public static string TableOf(EntityType type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString()) + "s";

    /// <summary>The events of a batch that are configuration events, with their envelopes.</summary>
    public static IEnumerable<(EventEnvelope Envelope, IConfigEvent Event)> Events(IReadOnlyList<EventEnvelope> events)
    {
        foreach (var envelope in events)
        {
            if (envelope.Data is IConfigEvent @event)
            {
                yield return (envelope, @event);
            }
        }
    }
}
