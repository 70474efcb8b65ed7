using KonnectES.ControlPlane.Auth;
using KonnectES.Domain;
using KonnectES.GraphQL.Types;
using KonnectES.Projections.ControlPlanes;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Portal;

/// <summary>API tokens (ADMIN) and data-plane tokens (the control plane's admins): shown once, stored hashed.</summary>
public static partial class PortalSchema
{
    private static void BindTokens(SchemaBuilder builder) => builder
        .ResolveAsync("Mutation", "createApiToken", c => GuardedAsync(c, async () =>
        {
            var caller = PortalRequest.Caller(c);
            var input = PortalRequest.Input(c);
            if (!caller.IsAdmin)
            {
                return TokenPayload(null, PortalRequest.Forbidden());
            }

            var roles = new List<RoleGrant>();
            foreach (var grant in ((IEnumerable<object?>)input["roles"]!).Cast<IReadOnlyDictionary<string, object?>>())
            {
                var role = Enum.Parse<Role>(((string)grant["role"]!).Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
                var controlPlaneId = PortalRequest.OptionalId(grant.GetValueOrDefault("controlPlaneId"));
                if ((role == Role.Admin) != (controlPlaneId is null))
                {
                    return TokenPayload(null, PortalRequest.UserError(DomainError.Validation, "ADMIN is global; the other roles need a controlPlaneId", "roles"));
                }

                if (controlPlaneId is { } id && await c.Services.GetRequiredService<ControlPlaneRecordReader>().GetAsync(id, c.CancellationToken) is null)
                {
                    return TokenPayload(null, PortalRequest.UserError(DomainError.NotFound, $"no control plane with id {id}", "roles"));
                }

                roles.Add(new RoleGrant(role, controlPlaneId));
            }

            var expiresAt = input.GetValueOrDefault("expiresAt") switch
            {
                DateTimeOffset o => o,
                string s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
                _ => (DateTimeOffset?)null,
            };
            if (expiresAt <= (c.Services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow())
            {
                return TokenPayload(null, PortalRequest.UserError(DomainError.Validation, "expiresAt must be in the future", "expiresAt"));
            }

            var token = await c.Services.GetRequiredService<ApiTokenStore>().CreateAsync((string)input["name"]!, roles, expiresAt, caller.Name, c.CancellationToken);
            return token is null
                ? TokenPayload(null, PortalRequest.UserError(DomainError.Conflict, "a token with this name already exists", "name"))
                : TokenPayload(token, null);
        }))
        .ResolveAsync("Mutation", "revokeApiToken", c => GuardedAsync(c, async () =>
        {
            var caller = PortalRequest.Caller(c);
            var input = PortalRequest.Input(c);
            if (!caller.IsAdmin)
            {
                return new Dictionary<string, object?> { ["revoked"] = false, ["errors"] = new[] { PortalRequest.Forbidden() } };
            }

            var revoked = await c.Services.GetRequiredService<ApiTokenStore>().RevokeAsync((string)input["name"]!, c.CancellationToken);
            return new Dictionary<string, object?>
            {
                ["revoked"] = revoked,
                ["errors"] = revoked ? Array.Empty<object>() : new[] { PortalRequest.UserError(DomainError.NotFound, "no active token with this name", "name") },
            };
        }))
        .ResolveAsync("Mutation", "createDataPlaneToken", c => GuardedAsync(c, async () =>
        {
            var caller = PortalRequest.Caller(c);
            var controlPlaneId = PortalRequest.RequiredId(c.Arguments["controlPlaneId"]);
            if (!caller.CanAdminister(controlPlaneId))
            {
                return TokenPayload(null, PortalRequest.Forbidden());
            }

            if (await c.Services.GetRequiredService<ControlPlaneRecordReader>().GetAsync(controlPlaneId, c.CancellationToken) is null)
            {
                return TokenPayload(null, PortalRequest.UserError(DomainError.NotFound, "no such control plane", "controlPlaneId"));
            }

            var expiresAt = c.Arguments.GetValueOrDefault("expiresAt") switch
            {
                DateTimeOffset o => o,
                string s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
                _ => (DateTimeOffset?)null,
            };
            var created = await c.Services.GetRequiredService<ApiTokenStore>().CreateDataPlaneTokenAsync(
                controlPlaneId, c.Arguments.GetValueOrDefault("name") as string, expiresAt, caller.Name, c.CancellationToken);
            if (created is not { } dataPlaneToken)
            {
                return TokenPayload(null, PortalRequest.UserError(DomainError.Conflict, "this control plane already has a data-plane token with this name", "name"));
            }

            var payload = TokenPayload(dataPlaneToken.Token, null);
            payload["id"] = dataPlaneToken.Id;
            payload["name"] = dataPlaneToken.Name;
            return payload;
        }));

    private static Dictionary<string, object?> TokenPayload(string? token, Dictionary<string, object?>? error) =>
        new() { ["token"] = token, ["errors"] = error is null ? Array.Empty<object>() : new[] { error } };
}
