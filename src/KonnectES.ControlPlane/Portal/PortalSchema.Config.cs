using KonnectES.ControlPlane.Configuration;
using KonnectES.Domain;
using KonnectES.GraphQL;
using KonnectES.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Portal;

/// <summary>Import (with dry run), export (secrets as placeholders unless an ADMIN asks) and rollback.</summary>
public static partial class PortalSchema
{
    private static void BindConfigMutations(SchemaBuilder builder) => builder
        .ResolveAsync("Mutation", "importConfig", c => GuardedAsync(c, async () =>
        {
            var caller = PortalRequest.Caller(c);
            var input = PortalRequest.Input(c);
            var controlPlaneId = PortalRequest.RequiredId(input["controlPlaneId"]);
            if (!caller.CanEdit(controlPlaneId))
            {
                return DiffFailure([PortalRequest.Forbidden()]);
            }

            var format = Enum.Parse<ConfigFormat>((string)input["format"]!, ignoreCase: true);
            var mode = Enum.Parse<ImportMode>((string)input["mode"]!, ignoreCase: true);
            var document = (string)input["document"]!;
            var handler = c.Services.GetRequiredService<ConfigCommandHandler>();
            if (input.GetValueOrDefault("dryRun") is true)
            {
                var state = await handler.GetCurrentAsync(controlPlaneId, c.CancellationToken);
                var plan = DeclarativeConfig.Plan(state, document, format, mode);
                return plan.IsSuccess
                    ? new Dictionary<string, object?> { ["version"] = state.Version, ["diff"] = DiffView(state.Version, state.Version, plan.Value), ["errors"] = Array.Empty<object>() }
                    : DiffFailure(Errors(plan.Errors), state.Version);
            }

            var result = await handler.HandleAsync(controlPlaneId, new ImportConfig(document, format, mode), CommandContextOf(c, caller, input), c.CancellationToken);
            return Outcome(result);
        }))
        .ResolveAsync("Mutation", "exportConfig", async c =>
        {
            var caller = PortalRequest.Caller(c);
            var controlPlaneId = PortalRequest.RequiredId(c.Arguments["controlPlaneId"]);
            if (!caller.CanRead(controlPlaneId))
            {
                throw new GraphQLException("This token may not read this control plane.", "FORBIDDEN");
            }

            var includeSecrets = c.Arguments.GetValueOrDefault("includeSecrets") is true;
            if (includeSecrets && !caller.IsAdmin)
            {
                throw new GraphQLException("Only an ADMIN token may export secrets.", "FORBIDDEN");
            }

            var state = await c.Services.GetRequiredService<ConfigCommandHandler>().GetCurrentAsync(controlPlaneId, c.CancellationToken);
            return (object?)DeclarativeConfig.Export(state, Enum.Parse<ConfigFormat>(c.Argument<string>("format"), ignoreCase: true), includeSecrets);
        })
        .ResolveAsync("Mutation", "rollbackConfig", c => GuardedAsync(c, async () =>
        {
            var caller = PortalRequest.Caller(c);
            var input = PortalRequest.Input(c);
            var controlPlaneId = PortalRequest.RequiredId(input["controlPlaneId"]);
            if (!caller.CanAdminister(controlPlaneId))
            {
                return DiffFailure([PortalRequest.Forbidden()]);
            }

            var toVersion = Convert.ToInt64(input["toVersion"], System.Globalization.CultureInfo.InvariantCulture);
            var result = await c.Services.GetRequiredService<ConfigHistory>().RollBackAsync(controlPlaneId, toVersion, CommandContextOf(c, caller, input), c.CancellationToken);
            return Outcome(result);
        }));

    private static Dictionary<string, object?> Outcome(CommandResult result) => result.IsSuccess
        ? new Dictionary<string, object?>
        {
            ["version"] = result.Version,
            ["diff"] = DiffView(result.Version - (result.Events.Count == 0 ? 0 : result.Events.Count), result.Version, result.Changes),
            ["errors"] = Array.Empty<object>(),
        }
        : DiffFailure(Errors(result.Errors), result.Version);

    private static Dictionary<string, object?> DiffFailure(IEnumerable<Dictionary<string, object?>> errors, long? version = null) =>
        new() { ["version"] = version, ["diff"] = null, ["errors"] = errors.ToList() };
}
