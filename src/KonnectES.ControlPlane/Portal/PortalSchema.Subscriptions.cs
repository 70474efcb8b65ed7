using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Types;
using KonnectES.Projections.AuditLog;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Portal;

/// <summary>
/// <c>configChanged</c> follows the audit log (a committed read model), so it sees changes made through any node:
/// each subscription polls for versions after the last one it sent. <c>dataPlaneStatusChanged</c> never emits until
/// data planes connect (a later issue).
/// </summary>
public static partial class PortalSchema
{
    /// <summary>How often a <c>configChanged</c> subscription looks for new versions.</summary>
    internal static TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    private static void BindSubscriptions(SchemaBuilder builder) => builder
        .Subscribe("Subscription", "configChanged", ConfigChangedAsync)
        .Subscribe("Subscription", "dataPlaneStatusChanged", DataPlaneStatusChangedAsync);

    private static async IAsyncEnumerable<object?> ConfigChangedAsync(IResolverContext c)
    {
        var controlPlaneId = PortalRequest.RequiredId(c.Arguments["controlPlaneId"]);
        CallerReading(c, controlPlaneId);
        var reader = c.Services.GetRequiredService<AuditLogReader>();
        var cancellationToken = c.CancellationToken;
        var latest = await reader.ReadAsync(new AuditLogQuery(controlPlaneId) { First = 1 }, cancellationToken);
        var seen = latest.Count == 0 ? 0 : latest[0].Version;
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var fresh = await reader.ReadAsync(new AuditLogQuery(controlPlaneId) { First = 100 }, cancellationToken);
            foreach (var entry in fresh.Where(e => e.Version > seen).OrderBy(e => e.Version))
            {
                seen = entry.Version;
                yield return EventView(entry);
            }
        }
    }

    private static async IAsyncEnumerable<object?> DataPlaneStatusChangedAsync(IResolverContext c)
    {
        CallerReading(c, PortalRequest.RequiredId(c.Arguments["controlPlaneId"]));
        var cancellationToken = c.CancellationToken;
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            yield break;
        }

        yield return null;
    }
}
