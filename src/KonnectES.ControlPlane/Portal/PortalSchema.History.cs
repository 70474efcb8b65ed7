using System.Text.Json;
using KonnectES.ControlPlane.Configuration;
using KonnectES.Domain;
using KonnectES.GraphQL;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using KonnectES.Projections.AuditLog;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Portal;

/// <summary>History (the audit log), the configuration at a version or time, and diffs; secrets masked throughout.</summary>
public static partial class PortalSchema
{
    private static void BindHistory(SchemaBuilder builder) => builder
        .ResolveAsync("ControlPlane", "history", HistoryAsync)
        .ResolveAsync("ControlPlane", "configAt", ConfigAtAsync)
        .ResolveAsync("ControlPlane", "diff", async c =>
        {
            var controlPlaneId = ParentControlPlane(c);
            CallerReading(c, controlPlaneId);
            var to = c.Arguments.GetValueOrDefault("toVersion") is { } v ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
            var diff = await c.Services.GetRequiredService<ConfigHistory>().DiffAsync(
                controlPlaneId, Convert.ToInt64(c.Arguments["fromVersion"], System.Globalization.CultureInfo.InvariantCulture), to, c.CancellationToken)
                ?? throw new GraphQLException("No such version of this configuration.", "NOT_FOUND");
            return (object?)DiffView(diff.FromVersion, diff.ToVersion, diff.Changes);
        });

    private static async Task<object?> HistoryAsync(IResolverContext c)
    {
        var controlPlaneId = ParentControlPlane(c);
        CallerReading(c, controlPlaneId);
        var first = Paging.First(c);
        var after = Paging.After(c) is { } key ? long.Parse(key, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        var query = new AuditLogQuery(controlPlaneId)
        {
            EntityType = c.Arguments.GetValueOrDefault("entityType") is string type ? Enum.Parse<EntityType>(type.Replace("_", "", StringComparison.Ordinal), ignoreCase: true) : null,
            EntityId = PortalRequest.OptionalId(c.Arguments.GetValueOrDefault("entityId")),
            Actor = c.Arguments.GetValueOrDefault("actor") as string,
            Since = c.Arguments.GetValueOrDefault("since") as DateTimeOffset?,
            Until = c.Arguments.GetValueOrDefault("until") as DateTimeOffset?,
            BeforeVersion = after,
            First = first + 1,
        };
        var rows = await c.Services.GetRequiredService<AuditLogReader>().ReadAsync(query, c.CancellationToken);
        var total = await c.Services.GetRequiredService<PortalReads>().CountHistoryAsync(query, c.CancellationToken);
        return Paging.Connect(rows, first, total, after is not null, e => e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), EventView);
    }

    private static async Task<object?> ConfigAtAsync(IResolverContext c)
    {
        var controlPlaneId = ParentControlPlane(c);
        CallerReading(c, controlPlaneId);
        var history = c.Services.GetRequiredService<ConfigHistory>();
        ControlPlaneConfig? state;
        if (c.Arguments.GetValueOrDefault("version") is { } version)
        {
            state = await history.GetConfigAtAsync(controlPlaneId, Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture), c.CancellationToken);
        }
        else if (c.Arguments.GetValueOrDefault("at") is { } at)
        {
            state = await history.GetConfigAtTimeAsync(controlPlaneId, at is DateTimeOffset o ? o : DateTimeOffset.Parse((string)at, System.Globalization.CultureInfo.InvariantCulture), c.CancellationToken);
        }
        else
        {
            state = await c.Services.GetRequiredService<ConfigCommandHandler>().GetCurrentAsync(controlPlaneId, c.CancellationToken);
        }

        if (state is null)
        {
            throw new GraphQLException("No such version of this configuration.", "NOT_FOUND");
        }

        var entries = await c.Services.GetRequiredService<AuditLogReader>().ReadAsync(
            new AuditLogQuery(controlPlaneId) { BeforeVersion = state.Version + 1, First = 1 }, c.CancellationToken);
        using var document = JsonDocument.Parse(DeclarativeConfig.Export(state, ConfigFormat.Json));
        return new Dictionary<string, object?>
        {
            ["version"] = state.Version,
            ["hash"] = state.Hash.ToString(),
            ["createdAt"] = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries[0].OccurredAt,
            ["document"] = document.RootElement.Clone(),
        };
    }

    internal static Dictionary<string, object?> EventView(AuditLogEntry entry)
    {
        using var body = JsonDocument.Parse(entry.Body);
        return new Dictionary<string, object?>
        {
            ["__typename"] = "ConfigEvent",
            ["id"] = entry.EventId,
            ["version"] = entry.Version,
            ["type"] = string.Concat(entry.EventType.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])),
            ["entityType"] = entry.EntityType is null ? null : JsonNamingPolicy.SnakeCaseUpper.ConvertName(entry.EntityType),
            ["entityId"] = entry.EntityId,
            ["actor"] = entry.Actor ?? "",
            ["occurredAt"] = entry.OccurredAt,
            ["reason"] = entry.Reason,
            ["correlationId"] = entry.CorrelationId,
            ["data"] = body.RootElement.Clone(),
        };
    }

    internal static Dictionary<string, object?> DiffView(long from, long to, IEnumerable<EntityChange> changes) => new()
    {
        ["fromVersion"] = from,
        ["toVersion"] = to,
        ["changes"] = changes.Select(ch => new Dictionary<string, object?>
        {
            ["entityType"] = JsonNamingPolicy.SnakeCaseUpper.ConvertName(ch.EntityType.ToString()),
            ["entityId"] = ch.EntityId,
            ["name"] = ch.Change == ChangeKind.Deleted || ch.After is null ? ch.Before?.DisplayName ?? ch.Name : ch.After.DisplayName,
            ["change"] = ch.Change.ToString().ToUpperInvariant(),
            ["before"] = ch.Before is null ? null : EntityView.Json(ch.Before),
            ["after"] = ch.After is null ? null : EntityView.Json(ch.After),
        }).ToList(),
    };
}
