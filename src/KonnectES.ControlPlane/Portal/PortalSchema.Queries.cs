using System.Text.Json;
using KonnectES.ControlPlane.Auth;
using KonnectES.ControlPlane.Configuration;
using KonnectES.GraphQL;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using KonnectES.Projections.ControlPlanes;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Portal;

/// <summary>Root queries: control planes, <c>node</c>, <c>me</c>.</summary>
public static partial class PortalSchema
{
    private static void BindQueries(SchemaBuilder builder) => builder
        .ResolveAsync("Query", "controlPlanes", ListControlPlanesAsync)
        .ResolveAsync("Query", "controlPlane", FindControlPlaneAsync)
        .ResolveAsync("Query", "node", FindNodeAsync)
        .Resolve("Query", "me", c =>
        {
            var caller = PortalRequest.Caller(c);
            return new Dictionary<string, object?>
            {
                ["id"] = caller.Id,
                ["name"] = caller.Name,
                ["roles"] = caller.Roles.Select(r => new Dictionary<string, object?>
                {
                    ["role"] = JsonNamingPolicy.SnakeCaseUpper.ConvertName(r.Role.ToString()),
                    ["controlPlaneId"] = r.ControlPlaneId,
                }).ToList(),
            };
        });

    private static async Task<object?> ListControlPlanesAsync(IResolverContext c)
    {
        var caller = PortalRequest.Caller(c);
        var filter = c.Arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>;
        Dictionary<string, string>? labels = null;
        if (filter?.GetValueOrDefault("labels") is { } raw)
        {
            labels = JsonSerializer.Deserialize<Dictionary<string, string>>(JsonSerializer.Serialize(raw))
                ?? throw new GraphQLException("'labels' must be an object of strings.", "BAD_USER_INPUT");
        }

        var first = Paging.First(c);
        var after = Paging.After(c);
        var (rows, total) = await c.Services.GetRequiredService<PortalReads>().ControlPlanePageAsync(
            filter?.GetValueOrDefault("name") as string, labels, caller.ReadableControlPlanes, after, first + 1, c.CancellationToken);
        return Paging.Connect(rows, first, total, after is not null, cp => cp.Name, ControlPlaneView);
    }

    private static async Task<object?> FindControlPlaneAsync(IResolverContext c)
    {
        var caller = PortalRequest.Caller(c);
        var reader = c.Services.GetRequiredService<ControlPlaneRecordReader>();
        var record = PortalRequest.OptionalId(c.Arguments.GetValueOrDefault("id")) is { } id
            ? await reader.GetAsync(id, c.CancellationToken)
            : c.Arguments.GetValueOrDefault("name") is string name ? await reader.GetByNameAsync(name, c.CancellationToken) : null;
        return record is not null && caller.CanRead(record.Id) ? ControlPlaneView(record) : null;
    }

    private static async Task<object?> FindNodeAsync(IResolverContext c)
    {
        var caller = PortalRequest.Caller(c);
        if (!Guid.TryParse(c.Argument<string>("id"), out var id))
        {
            return null;
        }

        if (await c.Services.GetRequiredService<ControlPlaneRecordReader>().GetAsync(id, c.CancellationToken) is { } record)
        {
            return caller.CanRead(record.Id) ? ControlPlaneView(record) : null;
        }

        var entity = await c.Services.GetRequiredService<PortalReads>().FindAnywhereAsync(id, caller.ReadableControlPlanes, c.CancellationToken);
        return entity is null ? null : EntityView.From(entity);
    }

    internal static Dictionary<string, object?> ControlPlaneView(ControlPlaneRecord record) => new(StringComparer.Ordinal)
    {
        ["__typename"] = "ControlPlane",
        ["id"] = record.Id,
        ["name"] = record.Name,
        ["description"] = record.Description,
        ["labels"] = record.Labels.ToDictionary(l => l.Key, l => (object?)l.Value),
        ["createdAt"] = record.CreatedAt,
        ["version"] = record.Version,
    };

    private static Guid ParentControlPlane(IResolverContext c) => c.Parent is IDictionary<string, object?> d && d["id"] is Guid id ? id : Guid.Empty;

    private static async Task<object?> ConfigHashAsync(IResolverContext c) =>
        (await c.Services.GetRequiredService<ConfigCommandHandler>().GetCurrentAsync(ParentControlPlane(c), c.CancellationToken)).Hash.ToString();

    private static Caller CallerReading(IResolverContext c, Guid controlPlaneId)
    {
        var caller = PortalRequest.Caller(c);
        return caller.CanRead(controlPlaneId) ? caller : throw new GraphQLException("This token may not read this control plane.", "FORBIDDEN");
    }
}
