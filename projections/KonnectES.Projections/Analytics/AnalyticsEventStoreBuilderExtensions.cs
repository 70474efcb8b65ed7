using KonnectES.EventStore;
using KonnectES.Projections;
using KonnectES.Projections.Analytics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers traffic analytics on an event store.</summary>
public static class AnalyticsEventStoreBuilderExtensions
{
    /// <summary>
    /// Adds the <c>traffic_reported</c> event, its async rollup projection (<see cref="TrafficRollupProjection"/>), the
    /// tables' creation at start-up, <see cref="TrafficReportStore"/>, <see cref="TrafficAnalyticsReader"/>,
    /// <see cref="ConfigChangeAnalyticsReader"/> and the retention service with its <see cref="AnalyticsOptions"/>
    /// (the host binds them from <c>Analytics:*</c>).
    /// </summary>
    public static IEventStoreBuilder AddTrafficAnalytics(this IEventStoreBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReadModelOptions>();
        builder.Services.AddOptions<AnalyticsOptions>()
            .Validate(o => o.RawRetention > TimeSpan.Zero && o.MinuteRetention > TimeSpan.Zero && o.RetentionInterval > TimeSpan.Zero && o.RetentionBatchSize > 0,
                "Analytics retention periods, interval and batch size must be positive.")
            .ValidateOnStart();
        builder.Services.Configure<EventStoreOptions>(o => o.Events.Register<TrafficReported>("traffic_reported"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AnalyticsMigrationService>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TrafficRetentionService>());
        builder.Services.TryAddSingleton<TrafficReportStore>();
        builder.Services.TryAddSingleton<TrafficAnalyticsReader>();
        builder.Services.TryAddSingleton<ConfigChangeAnalyticsReader>();
        builder.Services.TryAddSingleton<TrafficRetention>();
        return builder.AddProjection<TrafficRollupProjection>(ProjectionLifecycle.Async);
    }
}
