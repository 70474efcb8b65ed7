using KonnectES.ControlPlane.Auth;
using KonnectES.ControlPlane.Configuration;
using KonnectES.Domain;
using KonnectES.GraphQL;
using KonnectES.GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.ControlPlane.Portal;

/// <summary>Shared mutation plumbing: permission checks, the command context (actor, correlation, reason, expected version), payloads.</summary>
public static partial class PortalSchema
{
    /// <summary>What a mutation needs on its control plane.</summary>
    private enum Need
    {
        Edit,
        Administer,
    }

    private static bool Allowed(Caller caller, Guid controlPlaneId, Need need) =>
        need == Need.Edit ? caller.CanEdit(controlPlaneId) : caller.CanAdminister(controlPlaneId);

    private static CommandContext CommandContextOf(IResolverContext c, Caller caller, IReadOnlyDictionary<string, object?> input) => new(caller.Name)
    {
        CorrelationId = PortalRequest.CorrelationId(c),
        Reason = input.GetValueOrDefault("reason") as string,
        ExpectedVersion = input.GetValueOrDefault("expectedVersion") is { } v ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    private static List<Dictionary<string, object?>> Errors(IEnumerable<DomainError> errors) =>
        [.. errors.Select(e => PortalRequest.UserError(e.Code, e.Message, e.Field))];

    private static Dictionary<string, object?> Failure(string field, IEnumerable<Dictionary<string, object?>> errors, long? version = null) =>
        new() { [field] = null, ["version"] = version, ["errors"] = errors.ToList() };

    /// <summary>
    /// Runs a mutation body; an unexpected exception is logged with the correlation id and answered as a GraphQL error
    /// that names only that id.
    /// </summary>
    private static async Task<object?> GuardedAsync(IResolverContext c, Func<Task<object?>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is not GraphQLException and not OperationCanceledException)
        {
            var correlationId = PortalRequest.CorrelationId(c);
            Log.Unexpected(c.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KonnectES.ControlPlane.Portal"), ex, c.FieldName, correlationId);
            throw new GraphQLException($"Unexpected error (correlation id {correlationId}).", "INTERNAL_SERVER_ERROR");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4510, Level = LogLevel.Error, Message = "Portal mutation {Field} failed unexpectedly (correlation id {CorrelationId})")]
        public static partial void Unexpected(ILogger logger, Exception exception, string field, string correlationId);
    }
}
