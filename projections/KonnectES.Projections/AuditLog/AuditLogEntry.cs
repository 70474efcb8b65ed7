namespace KonnectES.Projections.AuditLog;

/// <summary>One configuration event as the audit log shows it.</summary>
/// <param name="ControlPlaneId">The control plane.</param>
/// <param name="Version">The config version the event produced.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="EventType">The stored event name (<c>route_updated</c>, <c>config_imported</c>…).</param>
/// <param name="EntityType">The changed entity's kind (<see cref="KonnectES.Domain.EntityType"/> name) when the event changed exactly one.</param>
/// <param name="EntityId">The changed entity's id when the event changed exactly one.</param>
/// <param name="EntityName">Its display name (secrets masked).</param>
/// <param name="Change">Created, Updated or Deleted when the event changed exactly one entity.</param>
/// <param name="ChangeCount">How many entities the event changed.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="OccurredAt">When it was appended.</param>
/// <param name="Reason">The reason given with the change.</param>
/// <param name="CorrelationId">The request that caused it.</param>
/// <param name="CausationId">The command that caused it.</param>
/// <param name="Body">The event as JSON, secrets masked.</param>
public sealed record AuditLogEntry(
    Guid ControlPlaneId, long Version, Guid EventId, string EventType, string? EntityType, Guid? EntityId, string? EntityName, string? Change,
    int ChangeCount, string? Actor, DateTimeOffset OccurredAt, string? Reason, string? CorrelationId, string? CausationId, string Body);
