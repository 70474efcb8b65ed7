using KonnectES.Domain;
using KonnectES.GraphQL;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using KonnectES.Projections.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Portal;

/// <summary>The entity lists and look-ups of a control plane.</summary>
public static partial class PortalSchema
{
    private static void BindControlPlane(SchemaBuilder builder)
    {
        builder.ResolveAsync("ControlPlane", "configHash", ConfigHashAsync);
        List(builder, "services", EntityType.Service, (q, c) => q with { Tags = Tags(c), Name = c.Arguments.GetValueOrDefault("name") as string });
        List(builder, "routes", EntityType.Route, (q, c) => q with { Tags = Tags(c), ServiceId = PortalRequest.OptionalId(c.Arguments.GetValueOrDefault("serviceId")) });
        List(builder, "consumers", EntityType.Consumer, (q, c) => q with { Tags = Tags(c), Search = c.Arguments.GetValueOrDefault("search") as string });
        List(builder, "consumerGroups", EntityType.ConsumerGroup, (q, _) => q);
        List(builder, "upstreams", EntityType.Upstream, (q, c) => q with { Tags = Tags(c) });
        List(builder, "plugins", EntityType.Plugin, (q, c) =>
        {
            var scope = c.Arguments.GetValueOrDefault("scope") as IReadOnlyDictionary<string, object?>;
            return q with
            {
                Name = c.Arguments.GetValueOrDefault("name") as string,
                ServiceId = PortalRequest.OptionalId(scope?.GetValueOrDefault("serviceId")),
                RouteId = PortalRequest.OptionalId(scope?.GetValueOrDefault("routeId")),
                ConsumerId = PortalRequest.OptionalId(scope?.GetValueOrDefault("consumerId")),
                ConsumerGroupId = PortalRequest.OptionalId(scope?.GetValueOrDefault("consumerGroupId")),
                Global = scope?.GetValueOrDefault("global") as bool?,
            };
        });
        List(builder, "certificates", EntityType.Certificate, (q, _) => q);
        List(builder, "snis", EntityType.Sni, (q, _) => q);
        One(builder, "service", EntityType.Service, "name");
        One(builder, "route", EntityType.Route, "name");
        One(builder, "consumer", EntityType.Consumer, "username");
        One(builder, "upstream", EntityType.Upstream, "name");
    }

    private static IReadOnlyList<string>? Tags(IResolverContext c) =>
        c.Arguments.GetValueOrDefault("tags") is IEnumerable<object?> tags ? [.. tags.OfType<string>()] : null;

    private static void List(SchemaBuilder builder, string field, EntityType type, Func<EntityQuery, IResolverContext, EntityQuery> filter) =>
        builder.ResolveAsync("ControlPlane", field, async c =>
        {
            var controlPlaneId = ParentControlPlane(c);
            CallerReading(c, controlPlaneId);
            var first = Paging.First(c);
            var after = Paging.AfterId(c);
            EntityQuery query;
            try
            {
                query = filter(new EntityQuery(controlPlaneId, type) { After = after, First = first + 1 }, c);
            }
            catch (ArgumentException ex)
            {
                throw new GraphQLException(ex.Message, "BAD_USER_INPUT");
            }

            var (rows, total) = await c.Services.GetRequiredService<PortalReads>().PageAsync(query, c.CancellationToken);
            return (object?)Paging.Connect(rows, first, total, after is not null, r => r.Id.ToString(), r => EntityView.From(r));
        });

    private static void One(SchemaBuilder builder, string field, EntityType type, string nameArgument) =>
        builder.ResolveAsync("ControlPlane", field, async c =>
        {
            var controlPlaneId = ParentControlPlane(c);
            CallerReading(c, controlPlaneId);
            if (PortalRequest.OptionalId(c.Arguments.GetValueOrDefault("id")) is { } id)
            {
                return (object?)await c.DataLoader<EntityByIdLoader>().LoadAsync(new EntityKey(controlPlaneId, type, id), c.CancellationToken);
            }

            if (c.Arguments.GetValueOrDefault(nameArgument) is not string name)
            {
                return null;
            }

            var (rows, _) = await c.Services.GetRequiredService<PortalReads>().PageAsync(
                new EntityQuery(controlPlaneId, type) { Name = name, First = 1 }, c.CancellationToken);
            return rows.Count == 0 ? null : EntityView.From(rows[0]);
        });
}
