using KonnectES.Domain;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using KonnectES.Projections.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Portal;

/// <summary>Fields that follow references between entities, batched through the DataLoaders.</summary>
public static partial class PortalSchema
{
    private static void BindRelations(SchemaBuilder builder)
    {
        Reference(builder, "Route", "service", EntityType.Service, "serviceId");
        Reference(builder, "Plugin", "service", EntityType.Service, "serviceId");
        Reference(builder, "Plugin", "route", EntityType.Route, "routeId");
        Reference(builder, "Plugin", "consumer", EntityType.Consumer, "consumerId");
        Reference(builder, "Plugin", "consumerGroup", EntityType.ConsumerGroup, "consumerGroupId");
        Reference(builder, "Sni", "certificate", EntityType.Certificate, "certificateId");
        Children(builder, "Service", "plugins", EntityType.Plugin, "service_id");
        Children(builder, "Route", "plugins", EntityType.Plugin, "route_id");
        Children(builder, "Consumer", "plugins", EntityType.Plugin, "consumer_id");
        Children(builder, "Consumer", "credentials", EntityType.Credential, "consumer_id");
        Children(builder, "Upstream", "targets", EntityType.Target, "upstream_id");
        BindHealth(builder);
        builder
            .ResolveAsync("Certificate", "snis", async c =>
                (object?)(await LoadChildrenAsync(c, EntityType.Sni, "certificate_id")).Select(s => s["name"]).ToList())
            .ResolveAsync("Consumer", "groups", async c =>
            {
                var members = await LoadChildrenAsync(c, EntityType.ConsumerGroupMember, "consumer_id");
                var keys = members.Select(m => new EntityKey(EntityView.ControlPlane(c.Parent), EntityType.ConsumerGroup, EntityView.Reference(m, "consumerGroupId")!.Value));
                return (object?)(await c.DataLoader<EntityByIdLoader>().LoadManyAsync(keys, c.CancellationToken)).Where(g => g is not null).ToList();
            })
            .ResolveAsync("ConsumerGroup", "consumers", async c =>
            {
                var members = await LoadChildrenAsync(c, EntityType.ConsumerGroupMember, "consumer_group_id");
                var keys = members.Select(m => new EntityKey(EntityView.ControlPlane(c.Parent), EntityType.Consumer, EntityView.Reference(m, "consumerId")!.Value));
                var consumers = (await c.DataLoader<EntityByIdLoader>().LoadManyAsync(keys, c.CancellationToken))
                    .OfType<Dictionary<string, object?>>().OrderBy(v => EntityView.Id(v)).ToList();
                return (object?)Paging.InMemory(c, consumers, v => EntityView.Id(v).ToString(), v => v);
            })
            .ResolveAsync("Service", "routes", async c =>
            {
                var first = Paging.First(c);
                var after = Paging.AfterId(c);
                var query = new EntityQuery(EntityView.ControlPlane(c.Parent), EntityType.Route) { ServiceId = EntityView.Id(c.Parent), After = after, First = first + 1 };
                var (rows, total) = await c.Services.GetRequiredService<PortalReads>().PageAsync(query, c.CancellationToken);
                return (object?)Paging.Connect(rows, first, total, after is not null, r => r.Id.ToString(), r => EntityView.From(r));
            });
    }

    private static void Reference(SchemaBuilder builder, string typeName, string field, EntityType type, string key) =>
        builder.ResolveAsync(typeName, field, async c => EntityView.Reference(c.Parent, key) is { } id
            ? (object?)await c.DataLoader<EntityByIdLoader>().LoadAsync(new EntityKey(EntityView.ControlPlane(c.Parent), type, id), c.CancellationToken)
            : null);

    private static void Children(SchemaBuilder builder, string typeName, string field, EntityType type, string column) =>
        builder.ResolveAsync(typeName, field, async c => (object?)await LoadChildrenAsync(c, type, column));

    private static async Task<IReadOnlyList<Dictionary<string, object?>>> LoadChildrenAsync(IResolverContext c, EntityType type, string column) =>
        await c.DataLoader<EntitiesByParentLoader>().LoadAsync(
            new ChildrenKey(EntityView.ControlPlane(c.Parent), type, column, EntityView.Id(c.Parent)), c.CancellationToken) ?? [];
}
