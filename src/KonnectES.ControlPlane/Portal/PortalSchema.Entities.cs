using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.ControlPlane.Configuration;
using KonnectES.Domain;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Portal;

/// <summary>
/// Create / update / delete of every entity kind. An input overlays the entity's JSON (Kong defaults for a new one,
/// the current state for an update), so an update changes only the fields it names; a secret given as the
/// placeholder, or left out, keeps the current secret.
/// </summary>
public static partial class PortalSchema
{
    private static readonly HashSet<string> NotEntityFields = ["controlPlaneId", "id", "expectedVersion", "reason", "url"];
    private static readonly HashSet<string> SecretFields = ["key", "password", "secret", "keyAlt"];

    private static void BindEntityMutations(SchemaBuilder builder)
    {
        Crud<Service>(builder, "Service", "service", e => new CreateService(e), e => new UpdateService(e), id => new DeleteService(id));
        Crud<Route>(builder, "Route", "route", e => new CreateRoute(e), e => new UpdateRoute(e), id => new DeleteRoute(id));
        Crud<Consumer>(builder, "Consumer", "consumer", e => new CreateConsumer(e), e => new UpdateConsumer(e), id => new DeleteConsumer(id));
        Crud<ConsumerGroup>(builder, "ConsumerGroup", "consumerGroup", e => new CreateConsumerGroup(e), e => new UpdateConsumerGroup(e), id => new DeleteConsumerGroup(id));
        Crud<Upstream>(builder, "Upstream", "upstream", e => new CreateUpstream(e), e => new UpdateUpstream(e), id => new DeleteUpstream(id));
        Crud<Target>(builder, "Target", "target", e => new CreateTarget(e), e => new UpdateTarget(e), id => new DeleteTarget(id));
        Crud<Plugin>(builder, "Plugin", "plugin", e => new CreatePlugin(e), e => new UpdatePlugin(e), id => new DeletePlugin(id));
        Crud<Certificate>(builder, "Certificate", "certificate", e => new CreateCertificate(e), e => new UpdateCertificate(e), id => new DeleteCertificate(id));
        Crud<Sni>(builder, "Sni", "sni", e => new CreateSni(e), e => new UpdateSni(e), id => new DeleteSni(id));
        Crud<Credential>(builder, "Credential", "credential", e => new CreateCredential(e), e => new UpdateCredential(e), id => new DeleteCredential(id));
        Membership(builder, "addConsumerToGroup", (g, m) => new AddConsumerToGroup(g, m));
        Membership(builder, "removeConsumerFromGroup", (g, m) => new RemoveConsumerFromGroup(g, m));
    }

    private static void Crud<T>(SchemaBuilder builder, string name, string field, Func<T, IConfigCommand> create, Func<T, IConfigCommand> update, Func<Guid, IConfigCommand> delete)
        where T : ConfigEntity
    {
        builder.ResolveAsync("Mutation", "create" + name, c => GuardedAsync(c, () => UpsertAsync(c, field, isUpdate: false, create)));
        builder.ResolveAsync("Mutation", "update" + name, c => GuardedAsync(c, () => UpsertAsync(c, field, isUpdate: true, update)));
        builder.ResolveAsync("Mutation", "delete" + name, c => GuardedAsync(c, async () =>
        {
            var caller = PortalRequest.Caller(c);
            var input = PortalRequest.Input(c);
            var controlPlaneId = PortalRequest.OptionalId(input.GetValueOrDefault("controlPlaneId"));
            var id = PortalRequest.RequiredId(input["id"]);
            if (controlPlaneId is not { } cp || !caller.CanEdit(cp))
            {
                return new Dictionary<string, object?> { ["deletedId"] = null, ["errors"] = new[] { controlPlaneId is null
                    ? PortalRequest.UserError(DomainError.Validation, "controlPlaneId is required", "controlPlaneId") : PortalRequest.Forbidden() } };
            }

            var handler = c.Services.GetRequiredService<ConfigCommandHandler>();
            if ((await handler.GetCurrentAsync(cp, c.CancellationToken)).Find(id) is not T)
            {
                return new Dictionary<string, object?> { ["deletedId"] = null, ["errors"] = new[] { PortalRequest.UserError(DomainError.NotFound, $"no {field} with id {id}", "id") } };
            }

            var result = await handler.HandleAsync(cp, delete(id), CommandContextOf(c, caller, input), c.CancellationToken);
            return new Dictionary<string, object?> { ["deletedId"] = result.IsSuccess ? id : null, ["version"] = result.Version, ["errors"] = Errors(result.Errors) };
        }));
    }

    private static async Task<object?> UpsertAsync<T>(IResolverContext c, string field, bool isUpdate, Func<T, IConfigCommand> command)
        where T : ConfigEntity
    {
        var caller = PortalRequest.Caller(c);
        var input = PortalRequest.Input(c);
        var controlPlaneId = PortalRequest.RequiredId(input["controlPlaneId"]);
        if (!caller.CanEdit(controlPlaneId))
        {
            return Failure(field, [PortalRequest.Forbidden()]);
        }

        var handler = c.Services.GetRequiredService<ConfigCommandHandler>();
        var state = await handler.GetCurrentAsync(controlPlaneId, c.CancellationToken);
        var id = PortalRequest.OptionalId(input.GetValueOrDefault("id"));
        JsonObject document;
        if (isUpdate)
        {
            if (id is null || state.Find(id.Value) is not T current)
            {
                return Failure(field, [PortalRequest.UserError(DomainError.NotFound, $"no {field} with id {id}", "id")], state.Version);
            }

            document = JsonNode.Parse(DomainJson.Serialize(current))!.AsObject();
        }
        else
        {
            document = [];
            id ??= Guid.CreateVersion7();
        }

        if (Overlay(document, input) is { } invalid)
        {
            return Failure(field, [invalid], state.Version);
        }

        document["id"] = id.ToString();
        T entity;
        try
        {
            entity = (T)DomainJson.Deserialize(document.ToJsonString(), typeof(T))!;
        }
        catch (JsonException ex)
        {
            return Failure(field, [PortalRequest.UserError(DomainError.Validation, "invalid value: " + ex.Message.Split(" Path:")[0], ex.Path?.TrimStart('$', '.') ?? "input")], state.Version);
        }

        var result = await handler.HandleAsync(controlPlaneId, command(entity), CommandContextOf(c, caller, input), c.CancellationToken);
        if (!result.IsSuccess)
        {
            return Failure(field, Errors(result.Errors), result.Version);
        }

        var rows = await c.Services.GetRequiredService<PortalReads>().ByIdsAsync(controlPlaneId, entity.EntityType, [entity.Id], c.CancellationToken);
        return new Dictionary<string, object?> { [field] = rows.Count == 0 ? null : EntityView.From(rows[0]), ["version"] = result.Version, ["errors"] = Array.Empty<object>() };
    }

    /// <summary>
    /// Writes the input's entity fields over the document; a VALIDATION error for a malformed url, or for a
    /// <c>healthchecks</c> object with an unknown key or a wrongly typed value (Kong's snake_case keys and camelCase
    /// ones are both read).
    /// </summary>
    private static Dictionary<string, object?>? Overlay(JsonObject document, IReadOnlyDictionary<string, object?> input)
    {
        foreach (var (key, value) in input)
        {
            if (NotEntityFields.Contains(key) || (SecretFields.Contains(key) && (value is null || SecretMasking.IsPlaceholder(value as string))))
            {
                continue;
            }

            if (key == "healthchecks")
            {
                var healthchecks = HealthchecksJson.Read(JsonSerializer.SerializeToNode(value));
                if (!healthchecks.IsSuccess)
                {
                    var error = healthchecks.Errors[0].Under([key]);
                    return PortalRequest.UserError(error.Code, error.Message, error.Field);
                }

                document[key] = JsonSerializer.SerializeToNode(healthchecks.Value, DomainJson.Options);
                continue;
            }

            document[key] = key == "kind" && value is string kind
                ? kind.ToLowerInvariant()
                : JsonSerializer.SerializeToNode(value);
        }

        if (input.GetValueOrDefault("url") is string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return PortalRequest.UserError(DomainError.Validation, "url must be an absolute URL", "url");
            }

            document["protocol"] = uri.Scheme;
            document["host"] = uri.Host;
            document["port"] = uri.IsDefaultPort ? (uri.Scheme == "https" ? 443 : 80) : uri.Port;
            document["path"] = uri.AbsolutePath == "/" && !url.EndsWith('/') ? null : uri.AbsolutePath;
        }

        return null;
    }

    private static void Membership(SchemaBuilder builder, string field, Func<Guid, Guid, IConfigCommand> command) =>
        builder.ResolveAsync("Mutation", field, c => GuardedAsync(c, async () =>
        {
            var caller = PortalRequest.Caller(c);
            var input = PortalRequest.Input(c);
            var controlPlaneId = PortalRequest.RequiredId(input["controlPlaneId"]);
            if (!caller.CanEdit(controlPlaneId))
            {
                return Failure("consumerGroup", [PortalRequest.Forbidden()]);
            }

            var groupId = PortalRequest.RequiredId(input["consumerGroupId"]);
            var result = await c.Services.GetRequiredService<ConfigCommandHandler>().HandleAsync(
                controlPlaneId, command(groupId, PortalRequest.RequiredId(input["consumerId"])), CommandContextOf(c, caller, input), c.CancellationToken);
            if (!result.IsSuccess)
            {
                return Failure("consumerGroup", Errors(result.Errors), result.Version);
            }

            var rows = await c.Services.GetRequiredService<PortalReads>().ByIdsAsync(controlPlaneId, EntityType.ConsumerGroup, [groupId], c.CancellationToken);
            return new Dictionary<string, object?> { ["consumerGroup"] = rows.Count == 0 ? null : EntityView.From(rows[0]), ["version"] = result.Version, ["errors"] = Array.Empty<object>() };
        }));
}
