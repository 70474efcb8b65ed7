using System.Collections.Immutable;
using System.Text.Json;
using KonnectES.ControlPlane.Configuration;
using KonnectES.Domain;
using KonnectES.GraphQL;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using KonnectES.Projections.ControlPlanes;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Portal;

/// <summary>Creating, updating and deleting control planes: ADMIN only, like API tokens.</summary>
public static partial class PortalSchema
{
    private static void BindControlPlaneMutations(SchemaBuilder builder) => builder
        .ResolveAsync("Mutation", "createControlPlane", c => GuardedAsync(c, async () =>
        {
            var caller = PortalRequest.Caller(c);
            var input = PortalRequest.Input(c);
            if (!caller.IsAdmin)
            {
                return Failure("controlPlane", [PortalRequest.Forbidden()]);
            }

            var id = Guid.CreateVersion7();
            var plane = new Domain.ControlPlane { Id = id, Name = (string)input["name"]!, Description = input.GetValueOrDefault("description") as string, Labels = Labels(input) };
            return await RunControlPlaneAsync(c, id, new CreateControlPlane(plane), CommandContextOf(c, caller, input));
        }))
        .ResolveAsync("Mutation", "updateControlPlane", c => GuardedAsync(c, async () =>
        {
            var caller = PortalRequest.Caller(c);
            var input = PortalRequest.Input(c);
            var id = PortalRequest.RequiredId(input["id"]);
            if (!caller.IsAdmin)
            {
                return Failure("controlPlane", [PortalRequest.Forbidden()]);
            }

            var current = (await c.Services.GetRequiredService<ConfigCommandHandler>().GetCurrentAsync(id, c.CancellationToken)).ControlPlane;
            if (current is null)
            {
                return Failure("controlPlane", [PortalRequest.UserError(DomainError.NotFound, "no such control plane", "id")]);
            }

            var plane = current with
            {
                Name = input.GetValueOrDefault("name") as string ?? current.Name,
                Description = input.ContainsKey("description") ? input["description"] as string : current.Description,
                Labels = input.ContainsKey("labels") ? Labels(input) : current.Labels,
            };
            return await RunControlPlaneAsync(c, id, new UpdateControlPlane(plane), CommandContextOf(c, caller, input));
        }))
        .ResolveAsync("Mutation", "deleteControlPlane", c => GuardedAsync(c, async () =>
        {
            var caller = PortalRequest.Caller(c);
            var input = PortalRequest.Input(c);
            var id = PortalRequest.RequiredId(input["id"]);
            if (!caller.IsAdmin)
            {
                return new Dictionary<string, object?> { ["deletedId"] = null, ["errors"] = new[] { PortalRequest.Forbidden() } };
            }

            var result = await c.Services.GetRequiredService<ConfigCommandHandler>().HandleAsync(id, new DeleteControlPlane(), CommandContextOf(c, caller, input), c.CancellationToken);
            return new Dictionary<string, object?>
            {
                ["deletedId"] = result.IsSuccess ? id : null, ["version"] = result.Version, ["errors"] = Errors(result.Errors),
            };
        }));

    private static async Task<object?> RunControlPlaneAsync(IResolverContext c, Guid id, IConfigCommand command, CommandContext context)
    {
        var result = await c.Services.GetRequiredService<ConfigCommandHandler>().HandleAsync(id, command, context, c.CancellationToken);
        if (!result.IsSuccess)
        {
            return Failure("controlPlane", Errors(result.Errors));
        }

        var record = await c.Services.GetRequiredService<ControlPlaneRecordReader>().GetAsync(id, c.CancellationToken);
        return new Dictionary<string, object?> { ["controlPlane"] = record is null ? null : ControlPlaneView(record), ["errors"] = Array.Empty<object>() };
    }

    private static ImmutableSortedDictionary<string, string> Labels(IReadOnlyDictionary<string, object?> input)
    {
        if (input.GetValueOrDefault("labels") is not { } raw)
        {
            return ImmutableSortedDictionary<string, string>.Empty;
        }

        try
        {
            return (JsonSerializer.Deserialize<Dictionary<string, string>>(JsonSerializer.Serialize(raw)) ?? []).ToImmutableSortedDictionary(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            throw new GraphQLException("'labels' must be an object of strings.", "BAD_USER_INPUT");
        }
    }
}
